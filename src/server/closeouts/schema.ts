import { z } from 'zod';
import { ZLane, ZTrigger } from '../../blueprint/schema.js';
import { ZUnmetGate } from '../problem-schema.js';

/**
 * The closeout API's contract: request bodies and responses. Shared with the web app, so it
 * imports nothing from the server.
 */

const ZId = z.uuid();
const ZDay = z.iso.date();
const ZMoment = z.iso.datetime({ offset: true });
const ZText = (max: number) => z.string().trim().max(max);
const ZRequiredText = (max: number) => z.string().trim().min(1, 'Required').max(max);

export const ZCloseoutStatus = z.enum(['open', 'retained', 'withdrawn', 'terminated']);
export const ZRetentionDecision = z.enum([
  'attempt_retention',
  'accept_cancellation',
  'confirm_termination',
]);

// ---- responses -------------------------------------------------------------------------------

export const ZHealthSnapshot = z.object({
  compiledAt: ZMoment,
  tenureMonths: z.number(),
  monthlyRecurringRevenue: z.number(),
  ticketsLast90Days: z.number(),
  slaBreachesLast90Days: z.number(),
  satisfactionLast90Days: z.number().nullable(),
  openTickets: z.number(),
});

export const ZAttendee = z.object({
  name: ZRequiredText(120),
  email: z.email().nullable().default(null),
  organisation: z.enum(['client', 'provider', 'incoming_provider']),
});

export const ZTransitionContact = z.object({
  kind: z.enum(['own_it', 'incoming_provider']),
  name: ZRequiredText(120),
  email: z.email().nullable().default(null),
  phone: ZText(40).nullable().default(null),
  organisation: ZText(120).nullable().default(null),
});

export const ZMeetingAgreement = z.object({
  terminationDate: ZDay,
  deactivationSessionAt: ZMoment,
  ticketHandling: ZRequiredText(4000),
  deliverables: ZRequiredText(4000),
  finalBilling: ZRequiredText(4000),
  transitionContact: ZTransitionContact,
});

const ZTask = z.object({
  id: ZId,
  taskKey: z.string(),
  stageKey: z.string(),
  name: z.string(),
  lane: ZLane,
  roles: z.array(z.string()),
  required: z.boolean(),
  dueOn: ZDay.nullable(),
  assigneeUserId: ZId.nullable(),
  status: z.enum(['open', 'done', 'waived']),
  completedAt: ZMoment.nullable(),
  completedBy: z.string().nullable(),
  evidence: z.string(),
  waiverReason: z.string(),
  overdue: z.boolean(),
});

export const ZTicketReview = z.object({
  ticketId: ZId,
  ticketNumber: z.string(),
  title: z.string(),
  disposition: z.enum(['complete', 'cancel']).nullable(),
  reason: z.string(),
  handoverNote: z.string(),
  clientAgreed: z.boolean(),
  clientAgreedAt: ZMoment.nullable(),
  clientQuestion: z.string().nullable(),
  outcome: z.enum(['completed', 'cancelled']).nullable(),
  outcomeAt: ZMoment.nullable(),
  joinedAt: ZMoment,
});

export const ZBackupCopy = z.object({
  id: ZId,
  description: z.string(),
  systemsCovered: z.array(z.string()),
  sizeBytes: z.number(),
  sha256: z.string(),
  medium: z.enum(['download_link', 'encrypted_drive', 'cloud_to_cloud', 'other']),
  deliveredAt: ZMoment.nullable(),
  deliveredBy: z.string().nullable(),
  receivedAt: ZMoment.nullable(),
  receivedBy: z.string().nullable(),
  checksumVerified: z.boolean(),
});

export const ZCloseoutDetail = z.object({
  id: ZId,
  reference: z.string(),
  client: z.object({ id: ZId, name: z.string() }),
  definition: z.object({ key: z.string(), version: z.number().int(), name: z.string() }),
  trigger: ZTrigger,
  noticeReceivedOn: ZDay,
  noticeEvidence: z.string(),
  ownerUserId: ZId.nullable(),
  stage: z.object({ key: z.string(), code: z.string(), name: z.string(), index: z.number().int() }),
  status: ZCloseoutStatus,
  openedAt: ZMoment,
  openedBy: z.string(),
  endedAt: ZMoment.nullable(),
  endNote: z.string(),
  mrrAtRisk: z.number(),
  earliestTerminationDate: ZDay.nullable(),
  terminationDate: ZDay.nullable(),
  acknowledgedAt: ZMoment.nullable(),
  reasons: z.object({
    primary: z.string().nullable(),
    contributing: z.array(z.string()),
    notes: z.string(),
  }),
  healthSnapshot: ZHealthSnapshot.nullable(),
  retention: z.object({
    decision: ZRetentionDecision.nullable(),
    decidedAt: ZMoment.nullable(),
    decidedBy: z.string().nullable(),
    rationale: z.string(),
    approvedAt: ZMoment.nullable(),
    approvedBy: z.string().nullable(),
    approvalNote: z.string(),
    sipOutcome: z.enum(['retained', 'not_retained']).nullable(),
    sipConcludedAt: ZMoment.nullable(),
  }),
  sipActions: z.array(
    z.object({
      id: ZId,
      description: z.string(),
      ownerUserId: ZId.nullable(),
      dueOn: ZDay.nullable(),
      doneAt: ZMoment.nullable(),
      note: z.string(),
    }),
  ),
  meeting: z.object({
    scheduledAt: ZMoment.nullable(),
    location: z.string(),
    agenda: z.string(),
    heldAt: ZMoment.nullable(),
    attendees: z.array(ZAttendee),
    minutes: z.string(),
    agreement: ZMeetingAgreement.nullable(),
    summarySentAt: ZMoment.nullable(),
  }),
  ticketsPulledAt: ZMoment.nullable(),
  ticketReviews: z.array(ZTicketReview),
  handoverItems: z.array(
    z.object({
      id: ZId,
      managedSystemId: ZId.nullable(),
      systemName: z.string(),
      credentialLabel: z.string(),
      notes: z.string(),
      handedOverAt: ZMoment.nullable(),
      handedOverBy: z.string().nullable(),
      confirmedAt: ZMoment.nullable(),
      confirmedBy: z.string().nullable(),
    }),
  ),
  backupCopies: z.array(ZBackupCopy),
  sessionHeldAt: ZMoment.nullable(),
  responsibilityAcceptance: z
    .object({
      acceptedByName: z.string(),
      acceptedByTitle: z.string(),
      acceptedAt: ZMoment,
      effectiveFrom: ZMoment,
      recordedBy: z.string(),
      /** The client's own signature in the portal; null when staff recorded a signed paper. */
      signature: z
        .object({
          portalUserId: ZId,
          email: z.string(),
          statement: z.string(),
          ip: z.string(),
          userAgent: z.string(),
        })
        .nullable(),
    })
    .nullable(),
  tasks: z.array(ZTask),
  deactivationIssues: z.array(
    z.object({
      id: ZId,
      summary: z.string(),
      description: z.string(),
      systemName: z.string().nullable(),
      loggedAt: ZMoment,
      loggedBy: z.string(),
      resolvedAt: ZMoment.nullable(),
      resolution: z.string(),
    }),
  ),
  /** What keeps the closeout in its current stage. */
  unmetStageGates: z.array(ZUnmetGate),
  /** What keeps it from closing as terminated; empty when the Close action is allowed. */
  unmetClosingGates: z.array(ZUnmetGate),
  version: z.number().int(),
});
export type TCloseoutDetail = z.infer<typeof ZCloseoutDetail>;

export const ZCloseoutSummary = z.object({
  id: ZId,
  reference: z.string(),
  client: z.object({ id: ZId, name: z.string() }),
  trigger: ZTrigger,
  stage: z.string(),
  status: ZCloseoutStatus,
  ownerUserId: ZId.nullable(),
  noticeReceivedOn: ZDay,
  terminationDate: ZDay.nullable(),
  openedAt: ZMoment,
  endedAt: ZMoment.nullable(),
  mrrAtRisk: z.number(),
  openTasks: z.number().int(),
  overdueTasks: z.number().int(),
  version: z.number().int(),
});
export type TCloseoutSummary = z.infer<typeof ZCloseoutSummary>;

export const ZCloseoutPage = z.object({
  items: z.array(ZCloseoutSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const ZTimelineEvent = z.object({
  id: z.number().int(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  actor: z.object({
    kind: z.enum(['user', 'client_contact', 'system']),
    id: z.string().nullable(),
    name: z.string(),
  }),
  before: z.unknown(),
  after: z.unknown(),
  at: ZMoment,
});
export const ZTimelinePage = z.object({
  items: z.array(ZTimelineEvent),
  /** Pass as `before` to read the next (older) page; null on the last page. */
  nextBefore: z.number().int().nullable(),
});

// ---- requests --------------------------------------------------------------------------------

export const ZCloseoutParams = z.object({ closeoutId: ZId });

export const ZListCloseoutsQuery = z.object({
  status: ZCloseoutStatus.optional(),
  stage: z.string().max(64).optional(),
  trigger: ZTrigger.optional(),
  ownerUserId: ZId.optional(),
  clientId: ZId.optional(),
  /** Matches the client's name or the closeout reference. */
  q: ZText(120).optional(),
  openedFrom: ZDay.optional(),
  openedTo: ZDay.optional(),
  sort: z
    .enum([
      'openedAt',
      '-openedAt',
      'noticeReceivedOn',
      '-noticeReceivedOn',
      'reference',
      '-reference',
      'mrrAtRisk',
      '-mrrAtRisk',
    ])
    .default('-openedAt'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TListCloseoutsQuery = z.infer<typeof ZListCloseoutsQuery>;

export const ZTimelineQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const ZOpenCloseoutRequest = z.object({
  clientId: ZId,
  trigger: ZTrigger,
  noticeReceivedOn: ZDay,
  noticeEvidence: ZRequiredText(4000),
  ownerUserId: ZId.nullable().default(null),
});
export type TOpenCloseoutRequest = z.infer<typeof ZOpenCloseoutRequest>;

export const ZAssignOwnerRequest = z.object({ ownerUserId: ZId.nullable() });

export const ZRecordReasonsRequest = z.object({
  primary: ZRequiredText(64),
  contributing: z.array(ZRequiredText(64)).max(20).default([]),
  notes: ZText(4000).default(''),
});

export const ZDecideRetentionRequest = z.object({
  decision: ZRetentionDecision,
  rationale: ZText(4000).default(''),
});

/** Actions that need nothing but may carry a note; the body may be left out altogether. */
export const ZNoteRequest = z
  .object({ note: ZText(4000).default('') })
  .nullish()
  .transform((body) => body ?? { note: '' });

export const ZAddSipActionRequest = z.object({
  description: ZRequiredText(1000),
  ownerUserId: ZId.nullable().default(null),
  dueOn: ZDay.nullable().default(null),
});

export const ZSipActionParams = z.object({ closeoutId: ZId, actionId: ZId });

export const ZUpdateSipActionRequest = z
  .object({
    description: ZRequiredText(1000).optional(),
    ownerUserId: ZId.nullable().optional(),
    dueOn: ZDay.nullable().optional(),
    done: z.boolean().optional(),
    note: ZText(4000).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'Send at least one field to change.');

export const ZConcludeSipRequest = z.object({
  outcome: z.enum(['retained', 'not_retained']),
  note: ZText(4000).default(''),
});

export const ZScheduleMeetingRequest = z.object({
  scheduledAt: ZMoment,
  location: ZText(500).default(''),
  agenda: ZText(20000).default(''),
});

export const ZRecordMeetingRequest = z.object({
  heldAt: ZMoment,
  attendees: z.array(ZAttendee).min(1, 'List who attended.').max(50),
  minutes: ZText(50000).default(''),
  agreement: ZMeetingAgreement,
});

export const ZTicketDispositionsRequest = z.object({
  dispositions: z
    .array(
      z.object({
        ticketId: ZId,
        disposition: z.enum(['complete', 'cancel']),
        reason: ZText(2000).default(''),
        handoverNote: ZText(4000).default(''),
        clientAgreed: z.boolean().default(false),
      }),
    )
    .min(1)
    .max(1000),
});

export const ZTicketReviewParams = z.object({ closeoutId: ZId, ticketId: ZId });

export const ZClientResponseRequest = z.object({
  agreed: z.boolean(),
  question: ZText(2000).nullable().default(null),
});

export const ZTicketOutcomeRequest = z.object({ outcome: z.enum(['completed', 'cancelled']) });

export const ZAddHandoverItemsRequest = z.object({
  items: z
    .array(
      z.object({
        managedSystemId: ZId.nullable().default(null),
        systemName: ZRequiredText(200),
        credentialLabel: ZRequiredText(200),
        notes: ZText(4000).default(''),
      }),
    )
    .min(1)
    .max(500),
});

export const ZHandoverItemParams = z.object({ closeoutId: ZId, itemId: ZId });

export const ZConfirmHandoverRequest = z.object({ confirmedBy: ZRequiredText(200) });

export const ZRecordBackupCopyRequest = z.object({
  description: ZRequiredText(500),
  systemsCovered: z.array(ZRequiredText(200)).min(1).max(500),
  sizeBytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'a SHA-256 checksum: 64 hexadecimal characters'),
  medium: z.enum(['download_link', 'encrypted_drive', 'cloud_to_cloud', 'other']),
});

export const ZBackupCopyParams = z.object({ closeoutId: ZId, copyId: ZId });

export const ZConfirmBackupReceiptRequest = z.object({
  receivedBy: ZRequiredText(200),
  sha256: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'a SHA-256 checksum: 64 hexadecimal characters')
    .nullable()
    .default(null),
});

export const ZRecordSessionHeldRequest = z.object({ heldAt: ZMoment });

export const ZAcceptResponsibilityRequest = z.object({
  acceptedByName: ZRequiredText(200),
  acceptedByTitle: ZRequiredText(200),
  effectiveFrom: ZMoment,
});

export const ZTaskParams = z.object({ closeoutId: ZId, taskId: ZId });
export const ZCompleteTaskRequest = z.object({ evidence: ZText(4000).default('') });
export const ZWaiveTaskRequest = z.object({ reason: ZRequiredText(2000) });
export const ZAssignTaskRequest = z.object({ assigneeUserId: ZId.nullable() });

export const ZLogDeactivationIssueRequest = z.object({
  summary: ZRequiredText(300),
  description: ZText(8000).default(''),
  systemName: ZText(200).nullable().default(null),
});
export const ZDeactivationIssueParams = z.object({ closeoutId: ZId, issueId: ZId });
export const ZResolveDeactivationIssueRequest = z.object({ resolution: ZRequiredText(4000) });

/** Optimistic concurrency: every change names the version it was made from. */
export const ZIfMatchHeaders = z.object({
  'if-match': z
    .string()
    .regex(/^(W\/)?"\d+"$/, 'the closeout\'s ETag from its last GET, e.g. "3"')
    .optional(),
});
