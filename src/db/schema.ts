import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { TPersonalisation, TProcessDefinition } from '../blueprint/schema.js';
import type {
  Attendee,
  HealthSnapshot,
  ResponsibilitySignature,
  TransitionContact,
} from '../domain/model.js';

/**
 * Every table carries `org_id` and every repository query filters by it: an organisation never
 * sees another's rows. SQL names are snake_case; TypeScript names camelCase.
 */

const id = () => uuid('id').primaryKey().defaultRandom();
const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' });
const moment = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
const money = (name: string) => numeric(name, { precision: 12, scale: 2, mode: 'number' });
const createdAt = () => moment('created_at').notNull().defaultNow();

export type ReasonTaxonomyEntry = {
  key: string;
  label: string;
  appliesTo: 'client' | 'provider';
  retired: boolean;
};

export const organisations = pgTable('organisations', {
  id: id(),
  name: text('name').notNull(),
  personalisation: jsonb('personalisation').$type<TPersonalisation>().notNull(),
  reasonTaxonomy: jsonb('reason_taxonomy').$type<ReasonTaxonomyEntry[]>().notNull(),
  /** Counter behind the human closeout references (CO-0001, CO-0002, …). */
  closeoutSequence: integer('closeout_sequence').notNull().default(0),
  /** When an administrator finished the first-run setup; null until then. */
  setupCompletedAt: moment('setup_completed_at'),
  createdAt: createdAt(),
});

export const users = pgTable(
  'users',
  {
    id: id(),
    orgId: orgId(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    lastSignInAt: moment('last_sign_in_at'),
    /** The day the daily task digest last went out, so a restart never sends it twice. */
    digestSentOn: day('digest_sent_on'),
  },
  (table) => [uniqueIndex('users_email_key').on(sql`lower(${table.email})`)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a leaked table does not sign anyone in. */
    tokenHash: text('token_hash').primaryKey(),
    orgId: orgId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: moment('expires_at').notNull(),
    userAgent: text('user_agent').notNull().default(''),
    ip: text('ip').notNull().default(''),
  },
  (table) => [index('sessions_user_idx').on(table.orgId, table.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    orgId: orgId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The first characters of the token, shown so a user can tell tokens apart. */
    prefix: text('prefix').notNull(),
    roles: text('roles').array().notNull(),
    createdAt: createdAt(),
    lastUsedAt: moment('last_used_at'),
    revokedAt: moment('revoked_at'),
  },
  (table) => [uniqueIndex('api_tokens_hash_key').on(table.tokenHash)],
);

/** Where an imported row came from: `manual`, `csv`, `connectwise`, `autotask`, `halopsa`, `itflow`, `demo`. */
const source = () => text('source').notNull().default('manual');
const externalId = () => text('external_id');

export const clients = pgTable(
  'clients',
  {
    id: id(),
    orgId: orgId(),
    name: text('name').notNull(),
    status: text('status').$type<'active' | 'in_closeout' | 'former'>().notNull().default('active'),
    clientSince: day('client_since').notNull(),
    industry: text('industry').notNull().default(''),
    notes: text('notes').notNull().default(''),
    source: source(),
    externalId: externalId(),
    createdAt: createdAt(),
    updatedAt: moment('updated_at').notNull().defaultNow(),
  },
  (table) => [
    index('clients_org_name_idx').on(table.orgId, table.name),
    uniqueIndex('clients_external_key').on(table.orgId, table.source, table.externalId),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    orgId: orgId(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    title: text('title').notNull().default(''),
    isDecisionMaker: boolean('is_decision_maker').notNull().default(false),
    isTechnicalContact: boolean('is_technical_contact').notNull().default(false),
    source: source(),
    externalId: externalId(),
  },
  (table) => [
    index('contacts_client_idx').on(table.orgId, table.clientId),
    uniqueIndex('contacts_external_key').on(table.orgId, table.source, table.externalId),
  ],
);

export const agreements = pgTable(
  'agreements',
  {
    id: id(),
    orgId: orgId(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    monthlyRecurringRevenue: money('monthly_recurring_revenue').notNull(),
    startDate: day('start_date').notNull(),
    termEndDate: day('term_end_date'),
    noticePeriodDays: integer('notice_period_days').notNull().default(30),
    status: text('status').$type<'active' | 'ended'>().notNull().default('active'),
    endedOn: day('ended_on'),
    source: source(),
    externalId: externalId(),
  },
  (table) => [
    index('agreements_client_idx').on(table.orgId, table.clientId),
    uniqueIndex('agreements_external_key').on(table.orgId, table.source, table.externalId),
  ],
);

export const managedSystems = pgTable(
  'managed_systems',
  {
    id: id(),
    orgId: orgId(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    category: text('category').notNull(),
    description: text('description').notNull().default(''),
    source: source(),
    externalId: externalId(),
  },
  (table) => [
    index('managed_systems_client_idx').on(table.orgId, table.clientId),
    uniqueIndex('managed_systems_external_key').on(table.orgId, table.source, table.externalId),
  ],
);

export const tickets = pgTable(
  'tickets',
  {
    id: id(),
    orgId: orgId(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    number: text('number').notNull(),
    title: text('title').notNull(),
    status: text('status').$type<'open' | 'completed' | 'cancelled'>().notNull().default('open'),
    priority: text('priority').notNull().default('normal'),
    openedAt: moment('opened_at').notNull(),
    closedAt: moment('closed_at'),
    slaBreached: boolean('sla_breached').notNull().default(false),
    satisfaction: smallint('satisfaction'),
    source: source(),
    externalId: externalId(),
    /** When the review's outcome was written back to the PSA the ticket came from. */
    psaPushedAt: moment('psa_pushed_at'),
    /** Why the last write-back failed, until one succeeds. */
    psaPushError: text('psa_push_error'),
  },
  (table) => [
    index('tickets_client_status_idx').on(table.orgId, table.clientId, table.status),
    index('tickets_client_opened_idx').on(table.orgId, table.clientId, table.openedAt),
    uniqueIndex('tickets_external_key').on(table.orgId, table.source, table.externalId),
  ],
);

/** Published versions of an organisation's process definition; a closeout pins one. */
export const processDefinitions = pgTable(
  'process_definitions',
  {
    id: id(),
    orgId: orgId(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<TProcessDefinition>().notNull(),
    publishedAt: createdAt(),
    publishedBy: text('published_by').notNull(),
  },
  (table) => [
    uniqueIndex('process_definitions_version_key').on(table.orgId, table.key, table.version),
  ],
);

export const closeouts = pgTable(
  'closeouts',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    reference: text('reference').notNull(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    definitionKey: text('definition_key').notNull(),
    definitionVersion: integer('definition_version').notNull(),
    trigger: text('trigger').$type<'client_notice' | 'provider_termination' | 'mutual'>().notNull(),
    noticeReceivedOn: day('notice_received_on').notNull(),
    noticeEvidence: text('notice_evidence').notNull(),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    stage: text('stage').notNull(),
    status: text('status').$type<'open' | 'retained' | 'withdrawn' | 'terminated'>().notNull(),
    openedAt: moment('opened_at').notNull(),
    openedBy: text('opened_by').notNull(),
    endedAt: moment('ended_at'),
    endNote: text('end_note').notNull().default(''),
    mrrAtRisk: money('mrr_at_risk').notNull(),
    earliestTerminationDate: day('earliest_termination_date'),
    acknowledgedAt: moment('acknowledged_at'),
    primaryReason: text('primary_reason'),
    contributingReasons: text('contributing_reasons').array().notNull().default(sql`'{}'`),
    reasonNotes: text('reason_notes').notNull().default(''),
    healthSnapshot: jsonb('health_snapshot').$type<HealthSnapshot>(),
    retentionDecision: text('retention_decision').$type<
      'attempt_retention' | 'accept_cancellation' | 'confirm_termination'
    >(),
    retentionDecidedAt: moment('retention_decided_at'),
    retentionDecidedBy: text('retention_decided_by'),
    retentionRationale: text('retention_rationale').notNull().default(''),
    approvedAt: moment('approved_at'),
    approvedBy: text('approved_by'),
    approvalNote: text('approval_note').notNull().default(''),
    sipOutcome: text('sip_outcome').$type<'retained' | 'not_retained'>(),
    sipConcludedAt: moment('sip_concluded_at'),
    ticketsPulledAt: moment('tickets_pulled_at'),
    sessionHeldAt: moment('session_held_at'),
    version: integer('version').notNull().default(1),
    updatedAt: moment('updated_at').notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('closeouts_reference_key').on(table.orgId, table.reference),
    index('closeouts_org_status_idx').on(table.orgId, table.status, table.stage),
    index('closeouts_client_idx').on(table.orgId, table.clientId),
  ],
);

/**
 * Parts of a closeout are found through their closeout (whose row is org-scoped), so their
 * indexes lead with closeout_id.
 */
const closeoutId = () =>
  uuid('closeout_id')
    .notNull()
    .references(() => closeouts.id, { onDelete: 'cascade' });

export const closeoutMeetings = pgTable('closeout_meetings', {
  closeoutId: closeoutId().primaryKey(),
  orgId: orgId(),
  scheduledAt: moment('scheduled_at'),
  location: text('location').notNull().default(''),
  agenda: text('agenda').notNull().default(''),
  heldAt: moment('held_at'),
  attendees: jsonb('attendees').$type<Attendee[]>().notNull().default([]),
  minutes: text('minutes').notNull().default(''),
  terminationDate: day('termination_date'),
  deactivationSessionAt: moment('deactivation_session_at'),
  ticketHandling: text('ticket_handling'),
  deliverables: text('deliverables'),
  finalBilling: text('final_billing'),
  transitionContact: jsonb('transition_contact').$type<TransitionContact>(),
  summarySentAt: moment('summary_sent_at'),
});

export const sipActions = pgTable(
  'sip_actions',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    closeoutId: closeoutId(),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    dueOn: day('due_on'),
    doneAt: moment('done_at'),
    note: text('note').notNull().default(''),
  },
  (table) => [index('sip_actions_closeout_idx').on(table.closeoutId, table.orgId)],
);

export const ticketReviews = pgTable(
  'ticket_reviews',
  {
    orgId: orgId(),
    closeoutId: closeoutId(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    ticketNumber: text('ticket_number').notNull(),
    title: text('title').notNull(),
    disposition: text('disposition').$type<'complete' | 'cancel'>(),
    reason: text('reason').notNull().default(''),
    handoverNote: text('handover_note').notNull().default(''),
    clientAgreed: boolean('client_agreed').notNull().default(false),
    clientAgreedAt: moment('client_agreed_at'),
    clientQuestion: text('client_question'),
    outcome: text('outcome').$type<'completed' | 'cancelled'>(),
    outcomeAt: moment('outcome_at'),
    joinedAt: moment('joined_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.closeoutId, table.ticketId] }),
    index('ticket_reviews_org_idx').on(table.orgId, table.closeoutId),
  ],
);

export const handoverItems = pgTable(
  'handover_items',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    closeoutId: closeoutId(),
    position: integer('position').notNull(),
    managedSystemId: uuid('managed_system_id').references(() => managedSystems.id, {
      onDelete: 'set null',
    }),
    systemName: text('system_name').notNull(),
    credentialLabel: text('credential_label').notNull(),
    notes: text('notes').notNull().default(''),
    handedOverAt: moment('handed_over_at'),
    handedOverBy: text('handed_over_by'),
    confirmedAt: moment('confirmed_at'),
    confirmedBy: text('confirmed_by'),
  },
  (table) => [index('handover_items_closeout_idx').on(table.closeoutId, table.orgId)],
);

export const backupCopies = pgTable(
  'backup_copies',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    closeoutId: closeoutId(),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    systemsCovered: text('systems_covered').array().notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    medium: text('medium')
      .$type<'download_link' | 'encrypted_drive' | 'cloud_to_cloud' | 'other'>()
      .notNull(),
    deliveredAt: moment('delivered_at'),
    deliveredBy: text('delivered_by'),
    receivedAt: moment('received_at'),
    receivedBy: text('received_by'),
    checksumVerified: boolean('checksum_verified').notNull().default(false),
    /** The uploaded archive when the medium is a download link (see stored_files). */
    fileId: uuid('file_id').references(() => storedFiles.id, { onDelete: 'set null' }),
  },
  (table) => [index('backup_copies_closeout_idx').on(table.closeoutId, table.orgId)],
);

export const responsibilityTransfers = pgTable('responsibility_transfers', {
  closeoutId: closeoutId().primaryKey(),
  orgId: orgId(),
  acceptedByName: text('accepted_by_name').notNull(),
  acceptedByTitle: text('accepted_by_title').notNull(),
  acceptedAt: moment('accepted_at').notNull(),
  effectiveFrom: moment('effective_from').notNull(),
  recordedBy: text('recorded_by').notNull(),
  /** The client's own signature in the portal; null when staff recorded a signed paper. */
  signature: jsonb('signature').$type<ResponsibilitySignature>(),
});

export const closeoutTasks = pgTable(
  'closeout_tasks',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    closeoutId: closeoutId(),
    position: integer('position').notNull(),
    taskKey: text('task_key').notNull(),
    stageKey: text('stage_key').notNull(),
    name: text('name').notNull(),
    lane: text('lane').$type<'client' | 'onstage' | 'backstage' | 'support'>().notNull(),
    roles: text('roles').array().notNull(),
    required: boolean('required').notNull(),
    dueOn: day('due_on'),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status').$type<'open' | 'done' | 'waived'>().notNull(),
    completedAt: moment('completed_at'),
    completedBy: text('completed_by'),
    evidence: text('evidence').notNull().default(''),
    waiverReason: text('waiver_reason').notNull().default(''),
  },
  (table) => [
    index('closeout_tasks_closeout_idx').on(table.closeoutId, table.orgId),
    index('closeout_tasks_due_idx').on(table.orgId, table.status, table.dueOn),
    index('closeout_tasks_assignee_idx').on(table.orgId, table.assigneeUserId, table.status),
  ],
);

export const deactivationIssues = pgTable(
  'deactivation_issues',
  {
    id: uuid('id').primaryKey(),
    orgId: orgId(),
    closeoutId: closeoutId(),
    summary: text('summary').notNull(),
    description: text('description').notNull().default(''),
    systemName: text('system_name'),
    loggedAt: moment('logged_at').notNull(),
    loggedBy: text('logged_by').notNull(),
    resolvedAt: moment('resolved_at'),
    resolution: text('resolution').notNull().default(''),
  },
  (table) => [index('deactivation_issues_closeout_idx').on(table.closeoutId, table.orgId)],
);

export const clientReturns = pgTable(
  'client_returns',
  {
    id: id(),
    orgId: orgId(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    closeoutId: uuid('closeout_id')
      .notNull()
      .references(() => closeouts.id, { onDelete: 'cascade' }),
    agreementSignedOn: day('agreement_signed_on').notNull(),
    monthlyRecurringRevenue: money('monthly_recurring_revenue').notNull(),
    recordedAt: createdAt(),
    recordedBy: text('recorded_by').notNull(),
  },
  (table) => [uniqueIndex('client_returns_closeout_key').on(table.orgId, table.closeoutId)],
);

/**
 * Append-only: a trigger in the migrations refuses UPDATE and DELETE. Written in the same
 * transaction as the change it records.
 */
/**
 * The real secret of a handover item (username, password or key, URL, notes, MFA recovery
 * codes), sealed with envelope encryption (src/security/envelope.ts). Kept out of the closeout
 * aggregate so no presentation of a closeout can ever carry it.
 */
export const handoverSecrets = pgTable(
  'handover_secrets',
  {
    handoverItemId: uuid('handover_item_id')
      .primaryKey()
      .references(() => handoverItems.id, { onDelete: 'cascade' }),
    orgId: orgId(),
    closeoutId: closeoutId(),
    sealed: text('sealed').notNull(),
    updatedAt: moment('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
    /** The last time the MSP issued it to the client; the client may reveal each issue once. */
    issuedAt: moment('issued_at').notNull(),
    issueCount: integer('issue_count').notNull().default(1),
    clientRevealedAt: moment('client_revealed_at'),
    clientRevealedBy: uuid('client_revealed_by').references(() => portalUsers.id, {
      onDelete: 'set null',
    }),
  },
  (table) => [index('handover_secrets_closeout_idx').on(table.orgId, table.closeoutId)],
);

export type StoredFilePurpose = 'task_evidence' | 'handover_evidence' | 'backup_copy';

/**
 * An uploaded file: its bytes live under the data directory (`files/<org>/<id>`), its facts
 * here. `subject_id` is the task, handover item or backup copy it belongs to.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: id(),
    orgId: orgId(),
    closeoutId: uuid('closeout_id').references(() => closeouts.id, { onDelete: 'cascade' }),
    purpose: text('purpose').$type<StoredFilePurpose>().notNull(),
    subjectId: uuid('subject_id').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    uploadedAt: createdAt(),
    uploadedBy: text('uploaded_by').notNull(),
  },
  (table) => [index('stored_files_subject_idx').on(table.orgId, table.subjectId)],
);

/** An expiring link to download a backup copy; every download through it is recorded. */
export const backupDownloadLinks = pgTable(
  'backup_download_links',
  {
    id: id(),
    orgId: orgId(),
    closeoutId: closeoutId(),
    backupCopyId: uuid('backup_copy_id')
      .notNull()
      .references(() => backupCopies.id, { onDelete: 'cascade' }),
    /** SHA-256 of the link's token: a leaked table downloads nothing. */
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    createdBy: text('created_by').notNull(),
    expiresAt: moment('expires_at').notNull(),
    revokedAt: moment('revoked_at'),
  },
  (table) => [uniqueIndex('backup_download_links_token_key').on(table.tokenHash)],
);

export const backupDownloads = pgTable(
  'backup_downloads',
  {
    id: id(),
    orgId: orgId(),
    closeoutId: closeoutId(),
    backupCopyId: uuid('backup_copy_id')
      .notNull()
      .references(() => backupCopies.id, { onDelete: 'cascade' }),
    linkId: uuid('link_id').references(() => backupDownloadLinks.id, { onDelete: 'set null' }),
    downloadedAt: moment('downloaded_at').notNull().defaultNow(),
    downloadedBy: text('downloaded_by').notNull(),
    actorKind: text('actor_kind').$type<'user' | 'client_contact'>().notNull(),
    ip: text('ip').notNull().default(''),
    userAgent: text('user_agent').notNull().default(''),
    completed: boolean('completed').notNull().default(false),
  },
  (table) => [index('backup_downloads_copy_idx').on(table.orgId, table.backupCopyId)],
);

/** A client's contact invited to the portal; sees only its own client's closeout. */
export const portalUsers = pgTable(
  'portal_users',
  {
    id: id(),
    orgId: orgId(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    invitedAt: moment('invited_at').notNull(),
    invitedBy: text('invited_by').notNull(),
    revokedAt: moment('revoked_at'),
    lastSignInAt: moment('last_sign_in_at'),
  },
  (table) => [
    uniqueIndex('portal_users_email_key').on(
      table.orgId,
      table.clientId,
      sql`lower(${table.email})`,
    ),
  ],
);

/** A one-time sign-in link: 15 minutes, single use. */
export const portalSignInLinks = pgTable(
  'portal_sign_in_links',
  {
    id: id(),
    orgId: orgId(),
    portalUserId: uuid('portal_user_id')
      .notNull()
      .references(() => portalUsers.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: moment('expires_at').notNull(),
    usedAt: moment('used_at'),
    requestedIp: text('requested_ip').notNull().default(''),
  },
  (table) => [
    uniqueIndex('portal_sign_in_links_token_key').on(table.tokenHash),
    index('portal_sign_in_links_user_idx').on(table.orgId, table.portalUserId, table.createdAt),
  ],
);

export const portalSessions = pgTable(
  'portal_sessions',
  {
    /** SHA-256 of the cookie token. */
    tokenHash: text('token_hash').primaryKey(),
    orgId: orgId(),
    portalUserId: uuid('portal_user_id')
      .notNull()
      .references(() => portalUsers.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: moment('expires_at').notNull(),
    userAgent: text('user_agent').notNull().default(''),
    ip: text('ip').notNull().default(''),
  },
  (table) => [index('portal_sessions_user_idx').on(table.orgId, table.portalUserId)],
);

export type MailKind =
  | 'portal_invitation'
  | 'sign_in_link'
  | 'meeting_invitation'
  | 'task_digest'
  | 'closeout_closed';

export type MailAttachment = { filename: string; contentType: string; content: string };

/**
 * Every mail Closeout sends: queued in the transaction that calls for it, delivered by the job
 * runner over SMTP (`SMTP_URL`), or kept as the local outbox an administrator reads in Settings.
 */
export const mails = pgTable(
  'mails',
  {
    id: id(),
    orgId: orgId(),
    kind: text('kind').$type<MailKind>().notNull(),
    closeoutId: uuid('closeout_id').references(() => closeouts.id, { onDelete: 'set null' }),
    toAddress: text('to_address').notNull(),
    toName: text('to_name').notNull().default(''),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    /** Attachments as text (an `.ics` is text); `content` is UTF-8. */
    attachments: jsonb('attachments').$type<MailAttachment[]>().notNull().default([]),
    status: text('status').$type<'queued' | 'sent' | 'failed' | 'outbox'>().notNull(),
    createdAt: createdAt(),
    sentAt: moment('sent_at'),
    messageId: text('message_id'),
    lastError: text('last_error'),
  },
  (table) => [index('mails_org_idx').on(table.orgId, table.createdAt)],
);

/**
 * An administrator's unpublished edit of the process definition: kept so nothing typed is lost
 * between sessions; publishing validates it and stores it as the next immutable version.
 */
export const processDrafts = pgTable('process_drafts', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  definitionKey: text('definition_key').notNull(),
  baseVersion: integer('base_version').notNull(),
  definition: jsonb('definition').$type<TProcessDefinition>().notNull(),
  updatedAt: moment('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
});

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/**
 * The background job queue (src/jobs/): a table, so it works the same on PGlite and PostgreSQL
 * and a job is enqueued in the same transaction as the change that calls for it.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: id(),
    orgId: orgId(),
    kind: text('kind').notNull(),
    /** What the job does, in words, for Settings → Integrations. */
    summary: text('summary').notNull().default(''),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<JobStatus>().notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(6),
    runAt: moment('run_at').notNull().defaultNow(),
    /** At most one queued or running job per key: a second enqueue of the same work is a no-op. */
    dedupeKey: text('dedupe_key'),
    lockedAt: moment('locked_at'),
    lockedBy: text('locked_by'),
    lastError: text('last_error'),
    progress: jsonb('progress').$type<{ done: number; total: number | null; unit: string }>(),
    result: jsonb('result').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    startedAt: moment('started_at'),
    finishedAt: moment('finished_at'),
  },
  (table) => [
    index('jobs_due_idx').on(table.status, table.runAt),
    index('jobs_org_idx').on(table.orgId, table.createdAt),
    uniqueIndex('jobs_dedupe_key')
      .on(table.orgId, table.dedupeKey)
      .where(sql`${table.status} in ('queued', 'running')`),
  ],
);

/** A connection to the MSP's PSA: one per vendor and organisation. */
export const psaConnections = pgTable(
  'psa_connections',
  {
    id: id(),
    orgId: orgId(),
    vendor: text('vendor').$type<'connectwise' | 'autotask' | 'halopsa' | 'itflow'>().notNull(),
    name: text('name').notNull(),
    /** The vendor's non-secret settings (URLs, ids, status names). */
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
    /** The vendor's secrets, sealed with envelope encryption (src/security/envelope.ts). */
    sealedSecrets: text('sealed_secrets').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    syncIntervalMinutes: integer('sync_interval_minutes').notNull().default(15),
    pushBack: boolean('push_back').notNull().default(true),
    lastTestedAt: moment('last_tested_at'),
    lastTestOk: boolean('last_test_ok'),
    lastTestMessage: text('last_test_message'),
    /** The last sync of every open closeout; the schedule counts from it (a "sync now" does not). */
    lastSyncedAt: moment('last_synced_at'),
    createdAt: createdAt(),
    updatedAt: moment('updated_at').notNull().defaultNow(),
  },
  (table) => [uniqueIndex('psa_connections_vendor_key').on(table.orgId, table.vendor)],
);

export type ImportEntity = 'clients' | 'contacts' | 'agreements' | 'managed_systems' | 'tickets';
export type ImportStatus = 'uploaded' | 'queued' | 'running' | 'succeeded' | 'failed';

/** A CSV import: the uploaded file, its column mapping and what importing it did. */
export const imports = pgTable(
  'imports',
  {
    id: id(),
    orgId: orgId(),
    entity: text('entity').$type<ImportEntity>().notNull(),
    format: text('format').notNull(),
    fileName: text('file_name').notNull(),
    /** Where the upload is kept, under the data directory, until the import has run. */
    filePath: text('file_path'),
    fileBytes: bigint('file_bytes', { mode: 'number' }).notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
    status: text('status').$type<ImportStatus>().notNull().default('uploaded'),
    bytesRead: bigint('bytes_read', { mode: 'number' }).notNull().default(0),
    rowsRead: integer('rows_read').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    message: text('message'),
    jobId: uuid('job_id'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    startedAt: moment('started_at'),
    finishedAt: moment('finished_at'),
  },
  (table) => [index('imports_org_idx').on(table.orgId, table.createdAt)],
);

/** A row an import refused, with where and why, for the downloadable error report. */
export const importRowErrors = pgTable(
  'import_row_errors',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgId(),
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    column: text('column'),
    message: text('message').notNull(),
  },
  (table) => [index('import_row_errors_import_idx').on(table.orgId, table.importId, table.line)],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgId(),
    closeoutId: uuid('closeout_id'),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    actorKind: text('actor_kind').$type<'user' | 'client_contact' | 'system'>().notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    at: moment('at').notNull().defaultNow(),
  },
  (table) => [
    index('audit_events_closeout_idx').on(table.orgId, table.closeoutId, table.id),
    index('audit_events_org_idx').on(table.orgId, table.id),
  ],
);

/**
 * The closeout aggregate as drizzle's relational queries see it: loading a closeout with all
 * its parts is one SQL statement.
 */
export const closeoutRelations = relations(closeouts, ({ one, many }) => ({
  client: one(clients, { fields: [closeouts.clientId], references: [clients.id] }),
  meeting: one(closeoutMeetings, {
    fields: [closeouts.id],
    references: [closeoutMeetings.closeoutId],
  }),
  responsibilityTransfer: one(responsibilityTransfers, {
    fields: [closeouts.id],
    references: [responsibilityTransfers.closeoutId],
  }),
  sipActions: many(sipActions),
  ticketReviews: many(ticketReviews),
  handoverItems: many(handoverItems),
  backupCopies: many(backupCopies),
  tasks: many(closeoutTasks),
  deactivationIssues: many(deactivationIssues),
}));

export const meetingRelations = relations(closeoutMeetings, ({ one }) => ({
  closeout: one(closeouts, { fields: [closeoutMeetings.closeoutId], references: [closeouts.id] }),
}));

export const sipActionRelations = relations(sipActions, ({ one }) => ({
  closeout: one(closeouts, { fields: [sipActions.closeoutId], references: [closeouts.id] }),
}));

export const ticketReviewRelations = relations(ticketReviews, ({ one }) => ({
  closeout: one(closeouts, { fields: [ticketReviews.closeoutId], references: [closeouts.id] }),
}));

export const handoverItemRelations = relations(handoverItems, ({ one }) => ({
  closeout: one(closeouts, { fields: [handoverItems.closeoutId], references: [closeouts.id] }),
}));

export const backupCopyRelations = relations(backupCopies, ({ one }) => ({
  closeout: one(closeouts, { fields: [backupCopies.closeoutId], references: [closeouts.id] }),
}));

export const responsibilityTransferRelations = relations(responsibilityTransfers, ({ one }) => ({
  closeout: one(closeouts, {
    fields: [responsibilityTransfers.closeoutId],
    references: [closeouts.id],
  }),
}));

export const closeoutTaskRelations = relations(closeoutTasks, ({ one }) => ({
  closeout: one(closeouts, { fields: [closeoutTasks.closeoutId], references: [closeouts.id] }),
}));

export const deactivationIssueRelations = relations(deactivationIssues, ({ one }) => ({
  closeout: one(closeouts, { fields: [deactivationIssues.closeoutId], references: [closeouts.id] }),
}));
