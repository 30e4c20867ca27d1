DROP INDEX "runners_active_idx";--> statement-breakpoint
ALTER TABLE "runners" ADD COLUMN "site_name" text;--> statement-breakpoint
ALTER TABLE "runners" ADD COLUMN "publishing_state" text;--> statement-breakpoint
ALTER TABLE "runners" ADD COLUMN "preview_state" text;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "interrupt_reason" text;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "credit_limit_exceeded_message" text;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "interactions" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "runners_active_idx" ON "runners" USING btree ("state") WHERE "runners"."state" in ('new', 'running', 'await_input');