CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"name" text NOT NULL,
	"monthly_recurring_revenue" numeric(12, 2) NOT NULL,
	"start_date" date NOT NULL,
	"term_end_date" date,
	"notice_period_days" integer DEFAULT 30 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"ended_on" date,
	"source" text DEFAULT 'manual' NOT NULL,
	"external_id" text
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"roles" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" uuid NOT NULL,
	"closeout_id" uuid,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"action" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"actor_name" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "backup_copies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"closeout_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"systems_covered" text[] NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"medium" text NOT NULL,
	"delivered_at" timestamp with time zone,
	"delivered_by" text,
	"received_at" timestamp with time zone,
	"received_by" text,
	"checksum_verified" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "client_returns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"closeout_id" uuid NOT NULL,
	"agreement_signed_on" date NOT NULL,
	"monthly_recurring_revenue" numeric(12, 2) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"client_since" date NOT NULL,
	"industry" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "closeout_meetings" (
	"closeout_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"scheduled_at" timestamp with time zone,
	"location" text DEFAULT '' NOT NULL,
	"agenda" text DEFAULT '' NOT NULL,
	"held_at" timestamp with time zone,
	"attendees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"termination_date" date,
	"deactivation_session_at" timestamp with time zone,
	"ticket_handling" text,
	"deliverables" text,
	"final_billing" text,
	"transition_contact" jsonb,
	"summary_sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "closeout_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"closeout_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"task_key" text NOT NULL,
	"stage_key" text NOT NULL,
	"name" text NOT NULL,
	"lane" text NOT NULL,
	"roles" text[] NOT NULL,
	"required" boolean NOT NULL,
	"due_on" date,
	"assignee_user_id" uuid,
	"status" text NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" text,
	"evidence" text DEFAULT '' NOT NULL,
	"waiver_reason" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "closeouts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"client_id" uuid NOT NULL,
	"definition_key" text NOT NULL,
	"definition_version" integer NOT NULL,
	"trigger" text NOT NULL,
	"notice_received_on" date NOT NULL,
	"notice_evidence" text NOT NULL,
	"owner_user_id" uuid,
	"stage" text NOT NULL,
	"status" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"opened_by" text NOT NULL,
	"ended_at" timestamp with time zone,
	"end_note" text DEFAULT '' NOT NULL,
	"mrr_at_risk" numeric(12, 2) NOT NULL,
	"earliest_termination_date" date,
	"acknowledged_at" timestamp with time zone,
	"primary_reason" text,
	"contributing_reasons" text[] DEFAULT '{}' NOT NULL,
	"reason_notes" text DEFAULT '' NOT NULL,
	"health_snapshot" jsonb,
	"retention_decision" text,
	"retention_decided_at" timestamp with time zone,
	"retention_decided_by" text,
	"retention_rationale" text DEFAULT '' NOT NULL,
	"approved_at" timestamp with time zone,
	"approved_by" text,
	"approval_note" text DEFAULT '' NOT NULL,
	"sip_outcome" text,
	"sip_concluded_at" timestamp with time zone,
	"tickets_pulled_at" timestamp with time zone,
	"session_held_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"title" text DEFAULT '' NOT NULL,
	"is_decision_maker" boolean DEFAULT false NOT NULL,
	"is_technical_contact" boolean DEFAULT false NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"external_id" text
);
--> statement-breakpoint
CREATE TABLE "deactivation_issues" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"closeout_id" uuid NOT NULL,
	"summary" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"system_name" text,
	"logged_at" timestamp with time zone NOT NULL,
	"logged_by" text NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolution" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handover_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"closeout_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"managed_system_id" uuid,
	"system_name" text NOT NULL,
	"credential_label" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"handed_over_at" timestamp with time zone,
	"handed_over_by" text,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" text
);
--> statement-breakpoint
CREATE TABLE "managed_systems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"external_id" text
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"personalisation" jsonb NOT NULL,
	"reason_taxonomy" jsonb NOT NULL,
	"closeout_sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "process_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "responsibility_transfers" (
	"closeout_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"accepted_by_name" text NOT NULL,
	"accepted_by_title" text NOT NULL,
	"accepted_at" timestamp with time zone NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"recorded_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"user_agent" text DEFAULT '' NOT NULL,
	"ip" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sip_actions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"closeout_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"owner_user_id" uuid,
	"due_on" date,
	"done_at" timestamp with time zone,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_reviews" (
	"org_id" uuid NOT NULL,
	"closeout_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"ticket_number" text NOT NULL,
	"title" text NOT NULL,
	"disposition" text,
	"reason" text DEFAULT '' NOT NULL,
	"handover_note" text DEFAULT '' NOT NULL,
	"client_agreed" boolean DEFAULT false NOT NULL,
	"client_agreed_at" timestamp with time zone,
	"client_question" text,
	"outcome" text,
	"outcome_at" timestamp with time zone,
	"joined_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ticket_reviews_closeout_id_ticket_id_pk" PRIMARY KEY("closeout_id","ticket_id")
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"priority" text DEFAULT 'normal' NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"sla_breached" boolean DEFAULT false NOT NULL,
	"satisfaction" smallint,
	"source" text DEFAULT 'manual' NOT NULL,
	"external_id" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"roles" text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backup_copies" ADD CONSTRAINT "backup_copies_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backup_copies" ADD CONSTRAINT "backup_copies_closeout_id_closeouts_id_fk" FOREIGN KEY ("closeout_id") REFERENCES "public"."closeouts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_returns" ADD CONSTRAINT "client_returns_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_returns" ADD CONSTRAINT "client_returns_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_returns" ADD CONSTRAINT "client_returns_closeout_id_closeouts_id_fk" FOREIGN KEY ("closeout_id") REFERENCES "public"."closeouts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closeout_meetings" ADD CONSTRAINT "closeout_meetings_closeout_id_closeouts_id_fk" FOREIGN KEY ("closeout_id") REFERENCES "public"."closeouts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closeout_meetings" ADD CONSTRAINT "closeout_meetings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closeout_tasks" ADD CONSTRAINT "closeout_tasks_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closeout_tasks" ADD CONSTRAINT "closeout_tasks_closeout_id_closeouts_id_fk" FOREIGN KEY ("closeout_id") REFERENCES "public"."closeouts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closeout_tasks" ADD CONSTRAINT "closeout_tasks_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closeouts" ADD CONSTRAINT "closeouts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closeouts" ADD CONSTRAINT "closeouts_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closeouts" ADD CONSTRAINT "closeouts_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deactivation_issues" ADD CONSTRAINT "deactivation_issues_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deactivation_issues" ADD CONSTRAINT "deactivation_issues_closeout_id_closeouts_id_fk" FOREIGN KEY ("closeout_id") REFERENCES "public"."closeouts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_items" ADD CONSTRAINT "handover_items_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_items" ADD CONSTRAINT "handover_items_closeout_id_closeouts_id_fk" FOREIGN KEY ("closeout_id") REFERENCES "public"."closeouts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_items" ADD CONSTRAINT "handover_items_managed_system_id_managed_systems_id_fk" FOREIGN KEY ("managed_system_id") REFERENCES "public"."managed_systems"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "managed_systems" ADD CONSTRAINT "managed_systems_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "managed_systems" ADD CONSTRAINT "managed_systems_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_definitions" ADD CONSTRAINT "process_definitions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_transfers" ADD CONSTRAINT "responsibility_transfers_closeout_id_closeouts_id_fk" FOREIGN KEY ("closeout_id") REFERENCES "public"."closeouts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_transfers" ADD CONSTRAINT "responsibility_transfers_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sip_actions" ADD CONSTRAINT "sip_actions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sip_actions" ADD CONSTRAINT "sip_actions_closeout_id_closeouts_id_fk" FOREIGN KEY ("closeout_id") REFERENCES "public"."closeouts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sip_actions" ADD CONSTRAINT "sip_actions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_reviews" ADD CONSTRAINT "ticket_reviews_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_reviews" ADD CONSTRAINT "ticket_reviews_closeout_id_closeouts_id_fk" FOREIGN KEY ("closeout_id") REFERENCES "public"."closeouts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_reviews" ADD CONSTRAINT "ticket_reviews_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreements_client_idx" ON "agreements" USING btree ("org_id","client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_key" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "audit_events_closeout_idx" ON "audit_events" USING btree ("org_id","closeout_id","id");--> statement-breakpoint
CREATE INDEX "audit_events_org_idx" ON "audit_events" USING btree ("org_id","id");--> statement-breakpoint
CREATE INDEX "backup_copies_closeout_idx" ON "backup_copies" USING btree ("closeout_id","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "client_returns_closeout_key" ON "client_returns" USING btree ("org_id","closeout_id");--> statement-breakpoint
CREATE INDEX "clients_org_name_idx" ON "clients" USING btree ("org_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "clients_external_key" ON "clients" USING btree ("org_id","source","external_id");--> statement-breakpoint
CREATE INDEX "closeout_tasks_closeout_idx" ON "closeout_tasks" USING btree ("closeout_id","org_id");--> statement-breakpoint
CREATE INDEX "closeout_tasks_due_idx" ON "closeout_tasks" USING btree ("org_id","status","due_on");--> statement-breakpoint
CREATE INDEX "closeout_tasks_assignee_idx" ON "closeout_tasks" USING btree ("org_id","assignee_user_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "closeouts_reference_key" ON "closeouts" USING btree ("org_id","reference");--> statement-breakpoint
CREATE INDEX "closeouts_org_status_idx" ON "closeouts" USING btree ("org_id","status","stage");--> statement-breakpoint
CREATE INDEX "closeouts_client_idx" ON "closeouts" USING btree ("org_id","client_id");--> statement-breakpoint
CREATE INDEX "contacts_client_idx" ON "contacts" USING btree ("org_id","client_id");--> statement-breakpoint
CREATE INDEX "deactivation_issues_closeout_idx" ON "deactivation_issues" USING btree ("closeout_id","org_id");--> statement-breakpoint
CREATE INDEX "handover_items_closeout_idx" ON "handover_items" USING btree ("closeout_id","org_id");--> statement-breakpoint
CREATE INDEX "managed_systems_client_idx" ON "managed_systems" USING btree ("org_id","client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "process_definitions_version_key" ON "process_definitions" USING btree ("org_id","key","version");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE INDEX "sip_actions_closeout_idx" ON "sip_actions" USING btree ("closeout_id","org_id");--> statement-breakpoint
CREATE INDEX "ticket_reviews_org_idx" ON "ticket_reviews" USING btree ("org_id","closeout_id");--> statement-breakpoint
CREATE INDEX "tickets_client_status_idx" ON "tickets" USING btree ("org_id","client_id","status");--> statement-breakpoint
CREATE INDEX "tickets_client_opened_idx" ON "tickets" USING btree ("org_id","client_id","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_external_key" ON "tickets" USING btree ("org_id","source","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));