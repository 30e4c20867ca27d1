CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"display_prefix" text NOT NULL,
	"site_id" text NOT NULL,
	"scopes" text[] NOT NULL,
	"owner_user_id" uuid,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"request_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "netlify_connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_kind" text NOT NULL,
	"token_ciphertext" text NOT NULL,
	"account_slugs" text[] DEFAULT '{}' NOT NULL,
	"last_verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "request_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"api_key_id" uuid,
	"site_id" text,
	"request_id" text NOT NULL,
	"method" text NOT NULL,
	"route" text NOT NULL,
	"status" integer NOT NULL,
	"latency_ms" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "runners" (
	"id" text PRIMARY KEY NOT NULL,
	"site_id" text NOT NULL,
	"state" text NOT NULL,
	"title" text,
	"branch" text,
	"current_task" text,
	"latest_session_state" text,
	"latest_session_deploy_url" text,
	"has_result_diff" boolean DEFAULT false NOT NULL,
	"agent" text,
	"model" text,
	"pr_url" text,
	"pr_state" text,
	"pr_number" integer,
	"pr_branch" text,
	"pr_is_being_created" boolean DEFAULT false NOT NULL,
	"pr_error" text,
	"merge_commit_sha" text,
	"creator" jsonb,
	"created_via_key_id" uuid,
	"created_by_user_id" uuid,
	"upstream_created_at" timestamp with time zone NOT NULL,
	"upstream_updated_at" timestamp with time zone NOT NULL,
	"done_at" timestamp with time zone,
	"last_session_created_at" timestamp with time zone,
	"upstream" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"runner_id" text NOT NULL,
	"state" text NOT NULL,
	"mode" text DEFAULT 'normal' NOT NULL,
	"title" text,
	"prompt" text,
	"result" text,
	"agent" text,
	"model" text,
	"current_task" text,
	"duration_ms" integer,
	"steps_count" integer DEFAULT 0 NOT NULL,
	"deploy_id" text,
	"deploy_url" text,
	"commit_sha" text,
	"source_session_id" text,
	"is_discarded" boolean DEFAULT false NOT NULL,
	"is_published" boolean DEFAULT false NOT NULL,
	"has_result_diff" boolean DEFAULT false NOT NULL,
	"has_cumulative_diff" boolean DEFAULT false NOT NULL,
	"upstream_created_at" timestamp with time zone NOT NULL,
	"upstream_updated_at" timestamp with time zone NOT NULL,
	"done_at" timestamp with time zone,
	"upstream" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"url" text,
	"account_id" text,
	"account_slug" text,
	"account_name" text,
	"connected_by_user_id" uuid,
	"connected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_state" (
	"site_id" text PRIMARY KEY NOT NULL,
	"cursor" text,
	"last_full_sync_at" timestamp with time zone,
	"last_targeted_sync_at" timestamp with time zone,
	"next_sync_at" timestamp with time zone,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"backoff_until" timestamp with time zone,
	"last_error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"netlify_user_id" text,
	"email" text NOT NULL,
	"full_name" text,
	"avatar_url" text,
	"role" text DEFAULT 'member' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"last_seen_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "netlify_connections" ADD CONSTRAINT "netlify_connections_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_log" ADD CONSTRAINT "request_log_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runners" ADD CONSTRAINT "runners_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runners" ADD CONSTRAINT "runners_created_via_key_id_api_keys_id_fk" FOREIGN KEY ("created_via_key_id") REFERENCES "public"."api_keys"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runners" ADD CONSTRAINT "runners_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_runner_id_runners_id_fk" FOREIGN KEY ("runner_id") REFERENCES "public"."runners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_connected_by_user_id_users_id_fk" FOREIGN KEY ("connected_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_state" ADD CONSTRAINT "sync_state_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "api_keys_site_id_idx" ON "api_keys" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "api_keys_owner_user_id_idx" ON "api_keys" USING btree ("owner_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "netlify_connections_user_id_key" ON "netlify_connections" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "request_log_api_key_id_created_idx" ON "request_log" USING btree ("api_key_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "request_log_created_at_idx" ON "request_log" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "runners_board_idx" ON "runners" USING btree ("site_id","state","last_session_created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "runners_active_idx" ON "runners" USING btree ("state") WHERE "runners"."state" in ('new', 'running');--> statement-breakpoint
CREATE INDEX "sessions_runner_id_created_idx" ON "sessions" USING btree ("runner_id","upstream_created_at");--> statement-breakpoint
CREATE INDEX "sites_connected_by_user_id_idx" ON "sites" USING btree ("connected_by_user_id");--> statement-breakpoint
CREATE INDEX "sync_state_next_sync_at_idx" ON "sync_state" USING btree ("next_sync_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_netlify_user_id_key" ON "users" USING btree ("netlify_user_id");--> statement-breakpoint
CREATE INDEX "users_email_idx" ON "users" USING btree ("email");