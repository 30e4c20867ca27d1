CREATE SEQUENCE "public"."board_change_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "runner_removals" (
	"runner_id" text PRIMARY KEY NOT NULL,
	"site_id" text NOT NULL,
	"change_seq" bigint DEFAULT nextval('board_change_seq') NOT NULL,
	"removed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "runners" ADD COLUMN "upstream_hash" text;--> statement-breakpoint
ALTER TABLE "runners" ADD COLUMN "change_seq" bigint DEFAULT nextval('board_change_seq') NOT NULL;--> statement-breakpoint
ALTER TABLE "sync_state" ADD COLUMN "lease_owner" text;--> statement-breakpoint
ALTER TABLE "sync_state" ADD COLUMN "lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sync_state" ADD COLUMN "pass_next_page" integer;--> statement-breakpoint
ALTER TABLE "sync_state" ADD COLUMN "pass_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sync_state" ADD COLUMN "token_refused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sync_state" ADD COLUMN "watched_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sync_state" ADD COLUMN "last_active_refresh_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sync_state" ADD COLUMN "last_summary" jsonb;--> statement-breakpoint
CREATE INDEX "runner_removals_change_seq_idx" ON "runner_removals" USING btree ("change_seq");--> statement-breakpoint
CREATE INDEX "runners_change_seq_idx" ON "runners" USING btree ("change_seq");