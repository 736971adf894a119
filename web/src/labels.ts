import type { z } from 'zod';
import type { TReasonTaxonomyEntry } from '../../src/blueprint/reason-taxonomy.js';
import type { TLane, TMilestone } from '../../src/blueprint/schema.js';
import type {
  TClientStatus,
  TSource,
  ZAgreement,
  ZManagedSystemCategory,
} from '../../src/server/clients/schema.js';
import type {
  TCloseoutDetail,
  ZAttendee,
  ZCloseoutStatus,
  ZRetentionDecision,
  ZTransitionContact,
} from '../../src/server/closeouts/schema.js';
import type { TTicketStatus } from '../../src/server/tickets/schema.js';

/** The words the screens use for the API's enumerations. */

export type TCloseoutStatus = z.infer<typeof ZCloseoutStatus>;

export {
  DUE_ANCHOR_LABELS,
  KPI_UNIT_LABELS,
  LANE_LABELS,
  ROLE_KIND_LABELS,
  TRIGGER_LABELS,
} from '../../src/blueprint/wording.js';

export const STATUS_LABELS: Record<TCloseoutStatus, string> = {
  open: 'In progress',
  retained: 'Retained',
  withdrawn: 'Withdrawn',
  terminated: 'Terminated',
};

export const STATUS_COLORS: Record<TCloseoutStatus, string> = {
  open: 'blue',
  retained: 'teal',
  withdrawn: 'gray',
  terminated: 'red',
};

export const LANE_COLORS: Record<TLane, string> = {
  client: 'grape',
  onstage: 'blue',
  backstage: 'gray',
  support: 'teal',
};

export const REASON_APPLIES_TO_LABELS: Record<TReasonTaxonomyEntry['appliesTo'], string> = {
  client: 'Client leaving',
  provider: 'We end it',
};

export const options = <T extends string>(labels: Record<T, string>) =>
  (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }));

export const CLIENT_STATUS_LABELS: Record<TClientStatus, string> = {
  active: 'Active',
  in_closeout: 'In closeout',
  former: 'Former',
};

export const CLIENT_STATUS_COLORS: Record<TClientStatus, string> = {
  active: 'teal',
  in_closeout: 'orange',
  former: 'gray',
};

export const SOURCE_LABELS: Record<TSource, string> = {
  manual: 'Entered by hand',
  csv: 'CSV import',
  connectwise: 'ConnectWise',
  autotask: 'Autotask',
  halopsa: 'HaloPSA',
  itflow: 'ITFlow',
  demo: 'Demo data',
};

export const AGREEMENT_STATUS_LABELS: Record<z.infer<typeof ZAgreement>['status'], string> = {
  active: 'Active',
  ended: 'Ended',
};

export const MANAGED_SYSTEM_CATEGORY_LABELS: Record<
  z.infer<typeof ZManagedSystemCategory>,
  string
> = {
  domain_admin: 'Active Directory domain',
  cloud_tenant: 'Cloud tenant',
  firewall: 'Firewall',
  network: 'Network devices',
  hypervisor: 'Hypervisor',
  backup_console: 'Backup console',
  lob_app: 'Line-of-business application',
  registrar_dns: 'Domain registrar and DNS',
  vendor_portal: 'Vendor portal',
  other: 'Other',
};

export const TICKET_STATUS_LABELS: Record<TTicketStatus, string> = {
  open: 'Open',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const TICKET_STATUS_COLORS: Record<TTicketStatus, string> = {
  open: 'blue',
  completed: 'teal',
  cancelled: 'gray',
};

export const RETENTION_DECISION_LABELS: Record<z.infer<typeof ZRetentionDecision>, string> = {
  attempt_retention: 'Attempt retention',
  accept_cancellation: 'Accept the cancellation',
  confirm_termination: 'Confirm the termination',
};

export const SIP_OUTCOME_LABELS: Record<'retained' | 'not_retained', string> = {
  retained: 'Retained',
  not_retained: 'Not retained',
};

export const ATTENDEE_ORGANISATION_LABELS: Record<
  z.infer<typeof ZAttendee>['organisation'],
  string
> = {
  client: 'Client',
  provider: 'Our team',
  incoming_provider: 'Incoming provider',
};

export const TRANSITION_CONTACT_LABELS: Record<z.infer<typeof ZTransitionContact>['kind'], string> =
  {
    own_it: 'The client’s own IT staff',
    incoming_provider: 'An incoming provider',
  };

type TTicketReview = TCloseoutDetail['ticketReviews'][number];

export const TICKET_DISPOSITION_LABELS: Record<
  NonNullable<TTicketReview['disposition']>,
  string
> = {
  complete: 'Complete',
  cancel: 'Cancel',
};

export const TICKET_OUTCOME_LABELS: Record<NonNullable<TTicketReview['outcome']>, string> = {
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const BACKUP_MEDIUM_LABELS: Record<
  TCloseoutDetail['backupCopies'][number]['medium'],
  string
> = {
  download_link: 'Download link',
  encrypted_drive: 'Encrypted drive',
  cloud_to_cloud: 'Cloud-to-cloud transfer',
  other: 'Other',
};

export const TASK_STATUS_LABELS: Record<TCloseoutDetail['tasks'][number]['status'], string> = {
  open: 'Open',
  done: 'Done',
  waived: 'Waived',
};

/** What a milestone means, to finish "completes itself when …". */
export const MILESTONE_LABELS: Record<TMilestone, string> = {
  closeout_opened: 'the closeout is opened',
  termination_date_proposed: 'the earliest termination date is computed',
  notice_acknowledged: 'the notice is acknowledged to the client',
  health_snapshot_compiled: 'the health snapshot is compiled',
  reasons_recorded: 'the cancellation reasons are recorded',
  retention_decided: 'the retention decision is recorded',
  termination_approved: 'an Executive approves the termination',
  sip_concluded: 'the Service Improvement Program is concluded',
  retention_resolved: 'retention is resolved',
  meeting_scheduled: 'the closeout meeting is scheduled',
  meeting_held: 'the closeout meeting is recorded as held',
  transition_contact_named: 'the client names who takes over',
  meeting_summary_sent: 'the meeting summary is sent',
  tickets_pulled: "the client's open tickets are pulled",
  tickets_dispositioned: 'every open ticket has a disposition',
  dispositions_agreed: 'the client agrees every disposition',
  tickets_completed: 'every ticket to complete is completed',
  cancelled_tickets_closed: 'every ticket to cancel is closed',
  tickets_resolved: 'every ticket is completed or cancelled',
  handover_prepared: 'every credential is handed over',
  backup_recorded: 'a backup copy is recorded',
  session_held: 'the deactivation session is recorded as held',
  credentials_confirmed: 'the client confirms every credential',
  backup_received: 'the client confirms receipt of the backup copy',
  responsibility_accepted: 'the client accepts responsibility',
};
