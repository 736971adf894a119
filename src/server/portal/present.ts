import type { TProcessDefinition } from '../../blueprint/schema.js';
import { stageOf } from '../../domain/gates.js';
import type { Closeout, IsoDate, IsoDateTime } from '../../domain/model.js';
import type { TRevealedHandoverSecret } from '../handover-secrets/schema.js';
import type {
  TPortalCloseout,
  TPortalSecretStatus,
  TPortalUser,
  TRevealedCredential,
} from './schema.js';

/**
 * What the client sees of its closeout: its own dates, meeting, tickets, hand-over and
 * signature. Nothing of the MSP's internals (tasks, retention, health, audit) leaves here.
 */

/** The stage whose actions are the client's side of the hand-over (domain: deactivation-session). */
const SESSION_STAGE = 'deactivation_session';

export type PortalSecretState = {
  status: TPortalSecretStatus;
  revealedAt: IsoDateTime | null;
  revealedBy: string | null;
};

export type PortalCloseoutFacts = {
  closeout: Closeout;
  /** The pinned definition, personalised. */
  definition: TProcessDefinition;
  clientName: string;
  /** When the closeout entered each stage, by stage key. */
  stageReachedAt: ReadonlyMap<string, IsoDateTime>;
  secrets: ReadonlyMap<string, PortalSecretState>;
  /** Backup copies with an uploaded archive the client can download. */
  downloadableCopyIds: ReadonlySet<string>;
  today: IsoDate;
};

const NO_SECRET: PortalSecretState = { status: 'none', revealedAt: null, revealedBy: null };

function milestones(closeout: Closeout, today: IsoDate): TPortalCloseout['milestones'] {
  const { meeting } = closeout;
  const agreement = meeting.agreement;
  const now = new Date().toISOString();
  const list: TPortalCloseout['milestones'] = [
    {
      kind: 'notice_received',
      label: 'Notice received',
      at: closeout.noticeReceivedOn,
      allDay: true,
      past: true,
    },
  ];
  const meetingAt = meeting.heldAt ?? meeting.scheduledAt;
  if (meetingAt !== null) {
    list.push({
      kind: 'meeting',
      label: meeting.heldAt === null ? 'Closeout meeting (planned)' : 'Closeout meeting',
      at: meetingAt,
      allDay: false,
      past: meeting.heldAt !== null,
    });
  }
  const sessionAt = closeout.sessionHeldAt ?? agreement?.deactivationSessionAt ?? null;
  if (sessionAt !== null) {
    list.push({
      kind: 'deactivation_session',
      label:
        closeout.sessionHeldAt === null ? 'Deactivation session (planned)' : 'Deactivation session',
      at: sessionAt,
      allDay: false,
      past: closeout.sessionHeldAt !== null,
    });
  }
  if (agreement !== null) {
    list.push({
      kind: 'termination',
      label: 'Termination date',
      at: agreement.terminationDate,
      allDay: true,
      past: agreement.terminationDate < today,
    });
  }
  const acceptance = closeout.responsibilityAcceptance;
  if (acceptance !== null) {
    list.push({
      kind: 'responsibility_effective',
      label: 'You are responsible for your systems',
      at: acceptance.effectiveFrom,
      allDay: false,
      past: acceptance.effectiveFrom <= now,
    });
  }
  if (closeout.endedAt !== null) {
    list.push({
      kind: 'closed',
      label: 'Closeout ended',
      at: closeout.endedAt,
      allDay: false,
      past: true,
    });
  }
  // A day sorts before moments of the same day.
  return list.sort((left, right) => left.at.localeCompare(right.at));
}

export function presentPortalCloseout(facts: PortalCloseoutFacts): TPortalCloseout {
  const { closeout, definition, clientName, stageReachedAt, secrets, today } = facts;
  const { stage, index } = stageOf(definition, closeout.stage);
  const sessionIndex = definition.stages.findIndex((candidate) => candidate.key === SESSION_STAGE);
  const isOpen = closeout.status === 'open';
  const inSession = isOpen && sessionIndex !== -1 && index >= sessionIndex;
  const agreement = closeout.meeting.agreement;
  return {
    id: closeout.id,
    reference: closeout.reference,
    status: closeout.status,
    client: { id: closeout.clientId, name: clientName },
    stage: { key: stage.key, code: stage.code, name: stage.name, index },
    stages: definition.stages.map((candidate, position) => ({
      key: candidate.key,
      code: candidate.code,
      name: candidate.name,
      state:
        position < index || (!isOpen && position === index)
          ? 'done'
          : position === index
            ? 'current'
            : 'upcoming',
      reachedAt: position <= index ? (stageReachedAt.get(candidate.key) ?? null) : null,
    })),
    noticeReceivedOn: closeout.noticeReceivedOn,
    terminationDate: agreement?.terminationDate ?? null,
    meetingAt: closeout.meeting.heldAt ?? closeout.meeting.scheduledAt,
    deactivationSessionAt: agreement?.deactivationSessionAt ?? null,
    sessionHeldAt: closeout.sessionHeldAt,
    endedAt: closeout.endedAt,
    milestones: milestones(closeout, today),
    meeting: {
      scheduledAt: closeout.meeting.scheduledAt,
      location: closeout.meeting.location,
      agenda: closeout.meeting.agenda,
      heldAt: closeout.meeting.heldAt,
      attendees: closeout.meeting.attendees.map(({ name, organisation }) => ({
        name,
        organisation,
      })),
      minutes: closeout.meeting.heldAt === null ? '' : closeout.meeting.minutes,
      agreement,
    },
    tickets: closeout.ticketReviews.map((review) => ({
      ticketId: review.ticketId,
      ticketNumber: review.ticketNumber,
      title: review.title,
      disposition: review.disposition,
      reason: review.reason,
      handoverNote: review.handoverNote,
      clientAgreed: review.clientAgreed,
      clientAgreedAt: review.clientAgreedAt,
      clientQuestion: review.clientQuestion,
      outcome: review.outcome,
    })),
    handoverItems: closeout.handoverItems.map((item) => ({
      id: item.id,
      systemName: item.systemName,
      credentialLabel: item.credentialLabel,
      notes: item.notes,
      handedOverAt: item.handedOverAt,
      confirmedAt: item.confirmedAt,
      confirmedBy: item.confirmedBy,
      secret: secrets.get(item.id) ?? NO_SECRET,
      problems: closeout.deactivationIssues
        .filter((issue) => issue.systemName === item.systemName)
        .map(({ id, summary, description, loggedAt, resolvedAt, resolution }) => ({
          id,
          summary,
          description,
          loggedAt,
          resolvedAt,
          resolution,
        })),
    })),
    backupCopies: closeout.backupCopies.map((copy) => ({
      id: copy.id,
      description: copy.description,
      systemsCovered: copy.systemsCovered,
      sizeBytes: copy.sizeBytes,
      sha256: copy.sha256,
      medium: copy.medium,
      deliveredAt: copy.deliveredAt,
      receivedAt: copy.receivedAt,
      receivedBy: copy.receivedBy,
      checksumVerified: copy.checksumVerified,
      downloadable: copy.medium === 'download_link' && facts.downloadableCopyIds.has(copy.id),
    })),
    responsibility:
      closeout.responsibilityAcceptance === null
        ? null
        : {
            acceptedByName: closeout.responsibilityAcceptance.acceptedByName,
            acceptedByTitle: closeout.responsibilityAcceptance.acceptedByTitle,
            acceptedAt: closeout.responsibilityAcceptance.acceptedAt,
            effectiveFrom: closeout.responsibilityAcceptance.effectiveFrom,
            signedInPortal:
              closeout.responsibilityAcceptance.signature === null
                ? null
                : {
                    portalUserId: closeout.responsibilityAcceptance.signature.portalUserId,
                    email: closeout.responsibilityAcceptance.signature.email,
                    ip: closeout.responsibilityAcceptance.signature.ip,
                    statement: closeout.responsibilityAcceptance.signature.statement,
                  },
            receiptAvailable: closeout.responsibilityAcceptance.signature !== null,
          },
    can: {
      respondToTickets:
        isOpen && closeout.ticketReviews.some((review) => review.disposition !== null),
      confirmHandover: inSession,
      confirmBackupReceipt: inSession,
      signResponsibility: inSession && closeout.responsibilityAcceptance === null,
    },
    version: closeout.version,
  };
}

/** The vault's revealed secret as labelled fields; empty ones are left out. */
export function presentRevealedCredential(revealed: TRevealedHandoverSecret): TRevealedCredential {
  const { secret } = revealed;
  const fields: TRevealedCredential['fields'] = [
    { key: 'url', label: 'Where to sign in', value: secret.url },
    { key: 'username', label: 'Username', value: secret.username },
    { key: 'password', label: 'Password or key', value: secret.password },
    {
      key: 'mfaRecoveryCodes',
      label: 'MFA recovery codes',
      value: secret.mfaRecoveryCodes.join('\n'),
    },
    { key: 'notes', label: 'Notes', value: secret.notes },
  ];
  return {
    itemId: revealed.itemId,
    systemName: revealed.systemName,
    credentialLabel: revealed.credentialLabel,
    revealedAt: revealed.revealedAt,
    fields: fields.filter((field) => field.value !== ''),
  };
}

export type PortalUserRow = {
  id: string;
  clientId: string;
  contactId: string | null;
  name: string;
  email: string;
  invitedAt: Date;
  invitedBy: string;
  revokedAt: Date | null;
  lastSignInAt: Date | null;
};

export function presentPortalUser(row: PortalUserRow): TPortalUser {
  return {
    id: row.id,
    clientId: row.clientId,
    contactId: row.contactId,
    name: row.name,
    email: row.email,
    status: row.revokedAt !== null ? 'revoked' : row.lastSignInAt !== null ? 'active' : 'invited',
    invitedAt: row.invitedAt.toISOString(),
    invitedBy: row.invitedBy,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
  };
}
