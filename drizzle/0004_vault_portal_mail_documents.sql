CREATE TABLE "backup_download_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"closeout_id" uuid NOT NULL,
	"backup_copy_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "backup_downloads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"closeout_id" uuid NOT NULL,
	"backup_copy_id" uuid NOT NULL,
	"link_id" uuid,
	"downloaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"downloaded_by" text NOT NULL,
	"actor_kind" text NOT NULL,
	"ip" text DEFAULT '' NOT NULL,
	"user_agent" text DEFAULT '' NOT NULL,
	"completed" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handover_secrets" (
	"handover_item_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"closeout_id" uuid NOT NULL,
	"sealed" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issue_count" integer DEFAULT 1 NOT NULL,
	"client_revealed_at" timestamp with time zone,
	"client_revealed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "mails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"closeout_id" uuid,
	"to_address" text NOT NULL,
	"to_name" text DEFAULT '' NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"message_id" text,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "portal_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"portal_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"user_agent" text DEFAULT '' NOT NULL,
	"ip" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal_sign_in_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"portal_user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"requested_ip" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"contact_id" uuid,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"invited_at" timestamp with time zone NOT NULL,
	"invited_by" text NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_sign_in_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "process_drafts" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"definition_key" text NOT NULL,
	"base_version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"closeout_id" uuid,
	"purpose" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"uploaded_by" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "backup_copies" ADD COLUMN "file_id" uuid;--> statement-breakpoint
ALTER TABLE "responsibility_transfers" ADD COLUMN "signature" jsonb;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "digest_sent_on" date;--> statement-breakpoint
ALTER TABLE "backup_download_links" ADD CONSTRAINT "backup_download_links_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backup_download_links" ADD CONSTRAINT "backup_download_links_closeout_id_closeouts_id_fk" FOREIGN KEY ("closeout_id") REFERENCES "public"."closeouts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backup_download_links" ADD CONSTRAINT "backup_download_links_backup_copy_id_backup_copies_id_fk" FOREIGN KEY ("backup_copy_id") REFERENCES "public"."backup_copies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backup_downloads" ADD CONSTRAINT "backup_downloads_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backup_downloads" ADD CONSTRAINT "backup_downloads_closeout_id_closeouts_id_fk" FOREIGN KEY ("closeout_id") REFERENCES "public"."closeouts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backup_downloads" ADD CONSTRAINT "backup_downloads_backup_copy_id_backup_copies_id_fk" FOREIGN KEY ("backup_copy_id") REFERENCES "public"."backup_copies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backup_downloads" ADD CONSTRAINT "backup_downloads_link_id_backup_download_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."backup_download_links"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_secrets" ADD CONSTRAINT "handover_secrets_handover_item_id_handover_items_id_fk" FOREIGN KEY ("handover_item_id") REFERENCES "public"."handover_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_secrets" ADD CONSTRAINT "handover_secrets_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_secrets" ADD CONSTRAINT "handover_secrets_closeout_id_closeouts_id_fk" FOREIGN KEY ("closeout_id") REFERENCES "public"."closeouts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_secrets" ADD CONSTRAINT "handover_secrets_client_revealed_by_portal_users_id_fk" FOREIGN KEY ("client_revealed_by") REFERENCES "public"."portal_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mails" ADD CONSTRAINT "mails_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mails" ADD CONSTRAINT "mails_closeout_id_closeouts_id_fk" FOREIGN KEY ("closeout_id") REFERENCES "public"."closeouts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_sessions" ADD CONSTRAINT "portal_sessions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_sessions" ADD CONSTRAINT "portal_sessions_portal_user_id_portal_users_id_fk" FOREIGN KEY ("portal_user_id") REFERENCES "public"."portal_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_sign_in_links" ADD CONSTRAINT "portal_sign_in_links_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_sign_in_links" ADD CONSTRAINT "portal_sign_in_links_portal_user_id_portal_users_id_fk" FOREIGN KEY ("portal_user_id") REFERENCES "public"."portal_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_users" ADD CONSTRAINT "portal_users_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_users" ADD CONSTRAINT "portal_users_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_users" ADD CONSTRAINT "portal_users_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_drafts" ADD CONSTRAINT "process_drafts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_closeout_id_closeouts_id_fk" FOREIGN KEY ("closeout_id") REFERENCES "public"."closeouts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "backup_download_links_token_key" ON "backup_download_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "backup_downloads_copy_idx" ON "backup_downloads" USING btree ("org_id","backup_copy_id");--> statement-breakpoint
CREATE INDEX "handover_secrets_closeout_idx" ON "handover_secrets" USING btree ("org_id","closeout_id");--> statement-breakpoint
CREATE INDEX "mails_org_idx" ON "mails" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "portal_sessions_user_idx" ON "portal_sessions" USING btree ("org_id","portal_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "portal_sign_in_links_token_key" ON "portal_sign_in_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "portal_sign_in_links_user_idx" ON "portal_sign_in_links" USING btree ("org_id","portal_user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "portal_users_email_key" ON "portal_users" USING btree ("org_id","client_id",lower("email"));--> statement-breakpoint
CREATE INDEX "stored_files_subject_idx" ON "stored_files" USING btree ("org_id","subject_id");--> statement-breakpoint
ALTER TABLE "backup_copies" ADD CONSTRAINT "backup_copies_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE set null ON UPDATE no action;