import type { TLane, TTrigger } from '../blueprint/schema.js';

/**
 * The closeout aggregate and the records around it, as the pure engine sees them. Dates that
 * are days ("the termination date") are ISO `YYYY-MM-DD` strings; moments are ISO timestamps.
 * The database maps these one to one; nothing here knows about storage.
 */

export type IsoDate = string;
export type IsoDateTime = string;

export const STAFF_ROLES = [
  'admin',
  'service_manager',
  'account_manager',
  'technician',
  'executive',
  'finance',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Who does something: a staff user, a client contact through the portal, or the system. */
export type Actor =
  | { kind: 'user'; userId: string; name: string; roles: StaffRole[] }
  | { kind: 'client_contact'; contactId: string; name: string }
  | { kind: 'system'; name: string };

export type CloseoutStatus = 'open' | 'retained' | 'withdrawn' | 'terminated';
export const CLOSEOUT_OUTCOMES = ['retained', 'withdrawn', 'terminated'] as const;

export type RetentionDecision = 'attempt_retention' | 'accept_cancellation' | 'confirm_termination';
export type SipOutcome = 'retained' | 'not_retained';

export type HealthSnapshot = {
  compiledAt: IsoDateTime;
  tenureMonths: number;
  monthlyRecurringRevenue: number;
  ticketsLast90Days: number;
  slaBreachesLast90Days: number;
  /** Mean satisfaction score (1–5) of rated tickets in the last 90 days; null when none rated. */
  satisfactionLast90Days: number | null;
  openTickets: number;
};

export type CancellationReasons = {
  primary: string | null;
  contributing: string[];
  notes: string;
};

export type Retention = {
  decision: RetentionDecision | null;
  decidedAt: IsoDateTime | null;
  decidedBy: string | null;
  rationale: string;
  /** An Executive's approval; required before a provider termination goes on. */
  approvedAt: IsoDateTime | null;
  approvedBy: string | null;
  approvalNote: string;
  sipOutcome: SipOutcome | null;
  sipConcludedAt: IsoDateTime | null;
};

export type SipAction = {
  id: string;
  description: string;
  ownerUserId: string | null;
  dueOn: IsoDate | null;
  doneAt: IsoDateTime | null;
  note: string;
};

export type Attendee = {
  name: string;
  email: string | null;
  organisation: 'client' | 'provider' | 'incoming_provider';
};

export type TransitionContact = {
  kind: 'own_it' | 'incoming_provider';
  name: string;
  email: string | null;
  phone: string | null;
  organisation: string | null;
};

/** What the closeout meeting agreed; every field is what the minutes say. */
export type MeetingAgreement = {
  terminationDate: IsoDate;
  deactivationSessionAt: IsoDateTime;
  ticketHandling: string;
  deliverables: string;
  finalBilling: string;
  transitionContact: TransitionContact;
};

export type Meeting = {
  scheduledAt: IsoDateTime | null;
  location: string;
  agenda: string;
  heldAt: IsoDateTime | null;
  attendees: Attendee[];
  minutes: string;
  agreement: MeetingAgreement | null;
  summarySentAt: IsoDateTime | null;
};

export type TicketDisposition = 'complete' | 'cancel';
export type TicketOutcome = 'completed' | 'cancelled';

/** One open ticket of the client under review in this closeout. */
export type TicketReview = {
  ticketId: string;
  /** Copied when the ticket joins the review, so the review reads on its own. */
  ticketNumber: string;
  title: string;
  disposition: TicketDisposition | null;
  reason: string;
  /** Kept with a cancelled ticket for the incoming provider. */
  handoverNote: string;
  clientAgreed: boolean;
  clientAgreedAt: IsoDateTime | null;
  /** The client questioned the disposition; cleared when it agrees. */
  clientQuestion: string | null;
  outcome: TicketOutcome | null;
  outcomeAt: IsoDateTime | null;
  joinedAt: IsoDateTime;
};

export type HandoverItem = {
  id: string;
  managedSystemId: string | null;
  systemName: string;
  /** What is handed over: e.g. "Global administrator", "Firewall admin". */
  credentialLabel: string;
  notes: string;
  handedOverAt: IsoDateTime | null;
  handedOverBy: string | null;
  confirmedAt: IsoDateTime | null;
  confirmedBy: string | null;
};

export type BackupMedium = 'download_link' | 'encrypted_drive' | 'cloud_to_cloud' | 'other';

export type BackupCopy = {
  id: string;
  description: string;
  systemsCovered: string[];
  sizeBytes: number;
  sha256: string;
  medium: BackupMedium;
  deliveredAt: IsoDateTime | null;
  deliveredBy: string | null;
  receivedAt: IsoDateTime | null;
  receivedBy: string | null;
  /** The client checked the checksum of what it received against ours. */
  checksumVerified: boolean;
};

export type ResponsibilityAcceptance = {
  acceptedByName: string;
  acceptedByTitle: string;
  acceptedAt: IsoDateTime;
  effectiveFrom: IsoDateTime;
  recordedBy: string;
  /** Present when the client signed in the portal; null when staff recorded a signed paper. */
  signature: ResponsibilitySignature | null;
};

/** What proves the client's own electronic signature of the transfer of responsibility. */
export type ResponsibilitySignature = {
  portalUserId: string;
  email: string;
  /** The exact statement the signer consented to, as shown to them. */
  statement: string;
  ip: string;
  userAgent: string;
};

export type TaskStatus = 'open' | 'done' | 'waived';

/** A task generated from the definition for this closeout (or a win-back check-in). */
export type CloseoutTask = {
  id: string;
  /** The definition task key, or `win_back_<days>` for a check-in. */
  taskKey: string;
  stageKey: string;
  name: string;
  lane: TLane;
  roles: string[];
  required: boolean;
  dueOn: IsoDate | null;
  assigneeUserId: string | null;
  status: TaskStatus;
  completedAt: IsoDateTime | null;
  completedBy: string | null;
  evidence: string;
  waiverReason: string;
};

export type DeactivationIssue = {
  id: string;
  summary: string;
  description: string;
  systemName: string | null;
  loggedAt: IsoDateTime;
  loggedBy: string;
  resolvedAt: IsoDateTime | null;
  resolution: string;
};

export type Closeout = {
  id: string;
  orgId: string;
  /** Human reference, e.g. "CO-0042". */
  reference: string;
  clientId: string;
  definitionKey: string;
  definitionVersion: number;
  trigger: TTrigger;
  noticeReceivedOn: IsoDate;
  noticeEvidence: string;
  ownerUserId: string | null;
  stage: string;
  status: CloseoutStatus;
  openedAt: IsoDateTime;
  openedBy: string;
  endedAt: IsoDateTime | null;
  endNote: string;
  /** Monthly recurring revenue of the client's active agreements when the closeout opened. */
  mrrAtRisk: number;
  earliestTerminationDate: IsoDate | null;
  acknowledgedAt: IsoDateTime | null;
  reasons: CancellationReasons;
  healthSnapshot: HealthSnapshot | null;
  retention: Retention;
  sipActions: SipAction[];
  meeting: Meeting;
  /** When the client's open tickets were first pulled into the review. */
  ticketsPulledAt: IsoDateTime | null;
  ticketReviews: TicketReview[];
  handoverItems: HandoverItem[];
  backupCopies: BackupCopy[];
  sessionHeldAt: IsoDateTime | null;
  responsibilityAcceptance: ResponsibilityAcceptance | null;
  tasks: CloseoutTask[];
  deactivationIssues: DeactivationIssue[];
  /** Optimistic-concurrency version: every change increments it. */
  version: number;
};

/** The fields of a client the engine and the KPIs need. */
export type ClientStatus = 'active' | 'in_closeout' | 'former';

export type Agreement = {
  id: string;
  clientId: string;
  name: string;
  monthlyRecurringRevenue: number;
  startDate: IsoDate;
  termEndDate: IsoDate | null;
  noticePeriodDays: number;
  status: 'active' | 'ended';
  endedOn: IsoDate | null;
};

export type TicketStatus = 'open' | 'completed' | 'cancelled';

export type Ticket = {
  id: string;
  clientId: string;
  number: string;
  title: string;
  status: TicketStatus;
  openedAt: IsoDateTime;
  closedAt: IsoDateTime | null;
  slaBreached: boolean;
  satisfaction: number | null;
};

/** A former client signing a new agreement, for the return rate. */
export type ClientReturn = {
  id: string;
  clientId: string;
  closeoutId: string;
  agreementSignedOn: IsoDate;
  monthlyRecurringRevenue: number;
};
