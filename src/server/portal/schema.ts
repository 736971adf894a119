import { z } from 'zod';
import { ZBackupCopy, ZTicketReview } from '../closeouts/schema.js';

/**
 * The client portal's contract: the MSP's side (inviting a client's contacts) and the portal's
 * own API under /api/v1/portal (sign-in by emailed link, the client's closeout and its actions).
 * Shared with the web app, so it imports other contracts only, never server code.
 *
 * Portal endpoints:
 *   POST /api/v1/portal/sign-in-links                 ZRequestSignInLinkRequest → 202 ZSignInLinkRequested
 *   POST /api/v1/portal/sign-in                       ZPortalSignInRequest → ZPortalMe (sets the portal cookie)
 *   POST /api/v1/portal/sign-out                      → 204
 *   GET  /api/v1/portal/me                            → ZPortalMe
 *   GET  /api/v1/portal/closeouts                     → ZPortalCloseoutList
 *   GET  /api/v1/portal/closeout                      → ZPortalCloseout (the client's current one; 404 when none)
 *   GET  /api/v1/portal/closeout/receipt.pdf          → the signed receipt of the current closeout
 *   GET  /api/v1/portal/closeouts/:closeoutId         → ZPortalCloseout
 *   POST /api/v1/portal/closeouts/:closeoutId/tickets/:ticketId/response          ZPortalTicketResponseRequest → ZPortalCloseout
 *   POST /api/v1/portal/closeouts/:closeoutId/handover-items/:itemId/reveal       → ZRevealedCredential
 *   POST /api/v1/portal/closeouts/:closeoutId/handover-items/:itemId/confirm      → ZPortalCloseout
 *   POST /api/v1/portal/closeouts/:closeoutId/handover-items/:itemId/problem      ZReportHandoverProblemRequest → ZPortalCloseout
 *   POST /api/v1/portal/closeouts/:closeoutId/backup-copies/:copyId/receipt       ZPortalBackupReceiptRequest → ZPortalCloseout
 *   POST /api/v1/portal/closeouts/:closeoutId/backup-copies/:copyId/download-link → ZPortalDownloadLink
 *   GET  /api/v1/portal/closeouts/:closeoutId/responsibility-statement            → ZResponsibilityStatement
 *   POST /api/v1/portal/closeouts/:closeoutId/responsibility                      ZSignResponsibilityRequest → ZPortalCloseout
 *   GET  /api/v1/portal/closeouts/:closeoutId/responsibility-receipt.pdf          → application/pdf
 * Portal actions that change the closeout accept the same optional `If-Match: "<version>"` as
 * staff actions.
 *
 * Staff endpoints (permission closeout.portal_invite; listing and the receipt need read):
 *   GET  /api/v1/closeouts/:closeoutId/portal-users                               → ZPortalUserList
 *   POST /api/v1/closeouts/:closeoutId/portal-users                               ZInvitePortalUserRequest → 201 ZPortalUser
 *   POST /api/v1/closeouts/:closeoutId/portal-users/:portalUserId/resend          → ZPortalUser
 *   POST /api/v1/closeouts/:closeoutId/portal-users/:portalUserId/revoke          → ZPortalUser
 *   GET  /api/v1/closeouts/:closeoutId/responsibility-receipt.pdf                 → application/pdf
 */

const ZId = z.uuid();
const ZDay = z.iso.date();
const ZMoment = z.iso.datetime({ offset: true });
const ZText = (max: number) => z.string().trim().max(max);
const ZRequiredText = (max: number) => z.string().trim().min(1, 'Required').max(max);
const ZSha256 = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{64}$/, 'a SHA-256 checksum: 64 hexadecimal characters');
const ZEmail = z.string().trim().max(254).toLowerCase().check(z.email());

/** How long a sign-in link works, in minutes (single use). */
export const PORTAL_SIGN_IN_LINK_MINUTES = 15;

// ---- staff side: the client's contacts in the portal ------------------------------------------

export const ZPortalUserStatus = z.enum(['invited', 'active', 'revoked']);
export type TPortalUserStatus = z.infer<typeof ZPortalUserStatus>;

export const ZPortalUser = z.object({
  id: ZId,
  clientId: ZId,
  contactId: ZId.nullable(),
  name: z.string(),
  email: z.string(),
  /** invited: never signed in; active: signed in at least once; revoked: no longer admitted. */
  status: ZPortalUserStatus,
  invitedAt: ZMoment,
  invitedBy: z.string(),
  revokedAt: ZMoment.nullable(),
  lastSignInAt: ZMoment.nullable(),
});
export type TPortalUser = z.infer<typeof ZPortalUser>;

export const ZPortalUserList = z.object({ items: z.array(ZPortalUser) });
export type TPortalUserList = z.infer<typeof ZPortalUserList>;

/** Invite one of the client's contacts, or someone else of the client by name and address. */
export const ZInvitePortalUserRequest = z.union([
  z.object({ contactId: ZId }),
  z.object({ name: ZRequiredText(200), email: ZEmail }),
]);
export type TInvitePortalUserRequest = z.infer<typeof ZInvitePortalUserRequest>;

export const ZPortalUserParams = z.object({ closeoutId: ZId, portalUserId: ZId });

// ---- portal sign-in ---------------------------------------------------------------------------

export const ZRequestSignInLinkRequest = z.object({ email: ZEmail });
export type TRequestSignInLinkRequest = z.infer<typeof ZRequestSignInLinkRequest>;

/** The same answer whether or not the address belongs to a portal user. */
export const ZSignInLinkRequested = z.object({
  message: z.string(),
  expiresInMinutes: z.number().int(),
});
export type TSignInLinkRequested = z.infer<typeof ZSignInLinkRequested>;

/** The token from the emailed link (`/portal/sign-in?token=…`). */
export const ZPortalSignInRequest = z.object({ token: z.string().trim().min(1).max(200) });
export type TPortalSignInRequest = z.infer<typeof ZPortalSignInRequest>;

export const ZPortalBranding = z.object({
  organisationName: z.string(),
  /** A data: URL of the MSP's logo, or null. */
  logo: z.string().nullable(),
  primaryColor: z.string(),
});
export type TPortalBranding = z.infer<typeof ZPortalBranding>;

export const ZPortalMe = z.object({
  id: ZId,
  name: z.string(),
  email: z.string(),
  client: z.object({ id: ZId, name: z.string() }),
  organisation: ZPortalBranding,
});
export type TPortalMe = z.infer<typeof ZPortalMe>;

// ---- the client's closeout --------------------------------------------------------------------

export const ZPortalCloseoutParams = z.object({ closeoutId: ZId });
export const ZPortalTicketParams = z.object({ closeoutId: ZId, ticketId: ZId });
export const ZPortalHandoverItemParams = z.object({ closeoutId: ZId, itemId: ZId });
export const ZPortalBackupCopyParams = z.object({ closeoutId: ZId, copyId: ZId });

export const ZPortalStageState = z.enum(['done', 'current', 'upcoming']);

/** One stage of the closeout as the client sees it: name from the pinned definition. */
export const ZPortalStage = z.object({
  key: z.string(),
  code: z.string(),
  name: z.string(),
  state: ZPortalStageState,
  /** When the closeout entered this stage; null for stages not reached. */
  reachedAt: ZMoment.nullable(),
});

export const ZPortalMilestoneKind = z.enum([
  'notice_received',
  'meeting',
  'termination',
  'deactivation_session',
  'responsibility_effective',
  'closed',
]);

/** A date the client should know; `at` is a day for days, a moment for moments. */
export const ZPortalMilestone = z.object({
  kind: ZPortalMilestoneKind,
  label: z.string(),
  at: z.string(),
  /** True when `at` is a day (YYYY-MM-DD), false when it is a moment. */
  allDay: z.boolean(),
  /** True when it has happened, false when it is planned. */
  past: z.boolean(),
});

export const ZPortalMeeting = z.object({
  scheduledAt: ZMoment.nullable(),
  location: z.string(),
  agenda: z.string(),
  heldAt: ZMoment.nullable(),
  attendees: z.array(
    z.object({
      name: z.string(),
      organisation: z.enum(['client', 'provider', 'incoming_provider']),
    }),
  ),
  /** The minutes, once the meeting was held. */
  minutes: z.string(),
  /** What the meeting agreed, once held. */
  agreement: z
    .object({
      terminationDate: ZDay,
      deactivationSessionAt: ZMoment,
      ticketHandling: z.string(),
      deliverables: z.string(),
      finalBilling: z.string(),
      transitionContact: z.object({
        kind: z.enum(['own_it', 'incoming_provider']),
        name: z.string(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
        organisation: z.string().nullable(),
      }),
    })
    .nullable(),
});

/** A ticket of the review as the client sees it: without the MSP's own bookkeeping dates. */
export const ZPortalTicket = ZTicketReview.omit({ outcomeAt: true, joinedAt: true });

/**
 * The state of a handed-over credential's secret for the client:
 * none — no secret stored for it; available — issued and not yet revealed (reveal shows it once);
 * revealed — already revealed; the MSP must re-issue it for another reveal.
 */
export const ZPortalSecretStatus = z.enum(['none', 'available', 'revealed']);
export type TPortalSecretStatus = z.infer<typeof ZPortalSecretStatus>;

export const ZPortalProblem = z.object({
  id: ZId,
  summary: z.string(),
  description: z.string(),
  loggedAt: ZMoment,
  resolvedAt: ZMoment.nullable(),
  resolution: z.string(),
});

export const ZPortalHandoverItem = z.object({
  id: ZId,
  systemName: z.string(),
  credentialLabel: z.string(),
  notes: z.string(),
  handedOverAt: ZMoment.nullable(),
  confirmedAt: ZMoment.nullable(),
  confirmedBy: z.string().nullable(),
  secret: z.object({
    status: ZPortalSecretStatus,
    revealedAt: ZMoment.nullable(),
    revealedBy: z.string().nullable(),
  }),
  /** Problems reported for this item's system (deactivation issues). */
  problems: z.array(ZPortalProblem),
});
export type TPortalHandoverItem = z.infer<typeof ZPortalHandoverItem>;

/** A backup copy as the client sees it: not which of the MSP's staff delivered it. */
export const ZPortalBackupCopy = ZBackupCopy.omit({ deliveredBy: true }).extend({
  /** True when the copy can be downloaded through an expiring link (download-link endpoint). */
  downloadable: z.boolean(),
});
export type TPortalBackupCopy = z.infer<typeof ZPortalBackupCopy>;

export const ZPortalResponsibility = z.object({
  acceptedByName: z.string(),
  acceptedByTitle: z.string(),
  acceptedAt: ZMoment,
  effectiveFrom: ZMoment,
  /** Present when signed in the portal; null when the MSP recorded a signed paper. */
  signedInPortal: z
    .object({ portalUserId: ZId, email: z.string(), ip: z.string(), statement: z.string() })
    .nullable(),
  /** A signed PDF receipt can be downloaded (signed in the portal). */
  receiptAvailable: z.boolean(),
});

/** What the client may do now; the UI disables what it may not, the API refuses it anyway. */
export const ZPortalAbilities = z.object({
  respondToTickets: z.boolean(),
  confirmHandover: z.boolean(),
  confirmBackupReceipt: z.boolean(),
  signResponsibility: z.boolean(),
});

export const ZPortalCloseout = z.object({
  id: ZId,
  reference: z.string(),
  status: z.enum(['open', 'retained', 'withdrawn', 'terminated']),
  client: z.object({ id: ZId, name: z.string() }),
  stage: z.object({ key: z.string(), code: z.string(), name: z.string(), index: z.number().int() }),
  /** Every stage of the closeout's pinned definition in order, with when it was reached. */
  stages: z.array(ZPortalStage),
  noticeReceivedOn: ZDay,
  terminationDate: ZDay.nullable(),
  meetingAt: ZMoment.nullable(),
  deactivationSessionAt: ZMoment.nullable(),
  sessionHeldAt: ZMoment.nullable(),
  endedAt: ZMoment.nullable(),
  /** The key dates in order, for the timeline. */
  milestones: z.array(ZPortalMilestone),
  meeting: ZPortalMeeting,
  tickets: z.array(ZPortalTicket),
  handoverItems: z.array(ZPortalHandoverItem),
  backupCopies: z.array(ZPortalBackupCopy),
  responsibility: ZPortalResponsibility.nullable(),
  can: ZPortalAbilities,
  version: z.number().int(),
});
export type TPortalCloseout = z.infer<typeof ZPortalCloseout>;

export const ZPortalCloseoutSummary = z.object({
  id: ZId,
  reference: z.string(),
  status: z.enum(['open', 'retained', 'withdrawn', 'terminated']),
  stageName: z.string(),
  openedAt: ZMoment,
  endedAt: ZMoment.nullable(),
});
export const ZPortalCloseoutList = z.object({ items: z.array(ZPortalCloseoutSummary) });
export type TPortalCloseoutList = z.infer<typeof ZPortalCloseoutList>;

// ---- portal actions ---------------------------------------------------------------------------

/** Agree with a ticket's disposition, or question it (the question is then required). */
export const ZPortalTicketResponseRequest = z
  .object({ agreed: z.boolean(), question: ZText(2000).nullable().default(null) })
  .refine((body) => body.agreed || (body.question ?? '') !== '', {
    message: 'Say what you question about this ticket.',
    path: ['question'],
  });
export type TPortalTicketResponseRequest = z.infer<typeof ZPortalTicketResponseRequest>;

/** One field of a revealed credential, e.g. { key: 'password', label: 'Password', value }. */
export const ZRevealedCredentialField = z.object({
  key: z.string(),
  label: z.string(),
  value: z.string(),
});

/** A credential's secret, shown once: the portal must not fetch it again. */
export const ZRevealedCredential = z.object({
  itemId: ZId,
  systemName: z.string(),
  credentialLabel: z.string(),
  revealedAt: ZMoment,
  fields: z.array(ZRevealedCredentialField),
});
export type TRevealedCredential = z.infer<typeof ZRevealedCredential>;

/** The credential does not work; becomes a deactivation issue against the item's system. */
export const ZReportHandoverProblemRequest = z.object({ description: ZRequiredText(4000) });
export type TReportHandoverProblemRequest = z.infer<typeof ZReportHandoverProblemRequest>;

/** The SHA-256 the client computed of what it received; must match the copy exactly. */
export const ZPortalBackupReceiptRequest = z.object({ sha256: ZSha256 });
export type TPortalBackupReceiptRequest = z.infer<typeof ZPortalBackupReceiptRequest>;

export const ZPortalDownloadLink = z.object({ url: z.string(), expiresAt: ZMoment });
export type TPortalDownloadLink = z.infer<typeof ZPortalDownloadLink>;

/** The exact statement the client signs, shown before signing. */
export const ZResponsibilityStatement = z.object({
  organisationName: z.string(),
  clientName: z.string(),
  statement: z.string(),
});
export type TResponsibilityStatement = z.infer<typeof ZResponsibilityStatement>;

export const ZSignResponsibilityRequest = z.object({
  fullName: ZRequiredText(200),
  title: ZRequiredText(200),
  consent: z.literal(true, { error: 'Tick the box to consent to the statement.' }),
  /** From when the client is responsible; not in the past (a few minutes of leeway). */
  effectiveFrom: ZMoment,
});
export type TSignResponsibilityRequest = z.infer<typeof ZSignResponsibilityRequest>;
