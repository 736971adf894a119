import { illegal, invalid } from '../errors.js';
import type {
  BackupCopy,
  BackupMedium,
  Closeout,
  HandoverItem,
  IsoDateTime,
  ResponsibilitySignature,
} from '../model.js';
import {
  actorName,
  type EngineContext,
  findPart,
  replacePart,
  requireOpen,
  requireStageReached,
} from './context.js';

/**
 * 11a.04 Service Deactivation Session: administration credentials and the backup copy handed
 * over and confirmed by the client, and the client's acceptance of responsibility. Preparing
 * the hand-over may start during the ticket review; the client's side needs the session stage.
 */

const PREPARE_FROM_STAGE = 'ticket_review';
const SESSION_STAGE = 'deactivation_session';

export type HandoverItemInput = {
  managedSystemId: string | null;
  systemName: string;
  credentialLabel: string;
  notes: string;
};

export function addHandoverItems(
  closeout: Closeout,
  items: HandoverItemInput[],
  context: EngineContext,
): Closeout {
  requireOpen(closeout);
  requireStageReached(context, closeout, PREPARE_FROM_STAGE);
  const added: HandoverItem[] = items.map((item) => ({
    id: context.newId(),
    ...item,
    handedOverAt: null,
    handedOverBy: null,
    confirmedAt: null,
    confirmedBy: null,
  }));
  return { ...closeout, handoverItems: [...closeout.handoverItems, ...added] };
}

const handoverMatch = (itemId: string) => (item: HandoverItem) => item.id === itemId;

export function markHandedOver(
  closeout: Closeout,
  itemId: string,
  context: EngineContext,
): Closeout {
  requireOpen(closeout);
  requireStageReached(context, closeout, PREPARE_FROM_STAGE);
  const item = findPart(
    closeout.handoverItems,
    handoverMatch(itemId),
    'This handover item',
    'itemId',
  );
  if (item.handedOverAt !== null) throw illegal(`${item.systemName} is already handed over.`);
  return {
    ...closeout,
    handoverItems: replacePart(closeout.handoverItems, handoverMatch(itemId), (current) => ({
      ...current,
      handedOverAt: context.now,
      handedOverBy: actorName(context.actor),
    })),
  };
}

/** The client verified access with the handed-over credential. */
export function confirmHandover(
  closeout: Closeout,
  input: { itemId: string; confirmedBy: string },
  context: EngineContext,
): Closeout {
  requireOpen(closeout);
  requireStageReached(context, closeout, SESSION_STAGE);
  const item = findPart(
    closeout.handoverItems,
    handoverMatch(input.itemId),
    'This handover item',
    'itemId',
  );
  if (item.handedOverAt === null) {
    throw illegal(`${item.systemName}: hand the credential over before the client confirms it.`);
  }
  if (item.confirmedAt !== null) throw illegal(`${item.systemName} is already confirmed.`);
  return {
    ...closeout,
    handoverItems: replacePart(closeout.handoverItems, handoverMatch(input.itemId), (current) => ({
      ...current,
      confirmedAt: context.now,
      confirmedBy: input.confirmedBy,
    })),
  };
}

export type BackupCopyInput = {
  description: string;
  systemsCovered: string[];
  sizeBytes: number;
  sha256: string;
  medium: BackupMedium;
};

export function recordBackupCopy(
  closeout: Closeout,
  input: BackupCopyInput,
  context: EngineContext,
): Closeout {
  requireOpen(closeout);
  requireStageReached(context, closeout, PREPARE_FROM_STAGE);
  const copy: BackupCopy = {
    id: context.newId(),
    ...input,
    sha256: input.sha256.toLowerCase(),
    deliveredAt: null,
    deliveredBy: null,
    receivedAt: null,
    receivedBy: null,
    checksumVerified: false,
  };
  return { ...closeout, backupCopies: [...closeout.backupCopies, copy] };
}

const backupMatch = (copyId: string) => (copy: BackupCopy) => copy.id === copyId;

export function markBackupDelivered(
  closeout: Closeout,
  copyId: string,
  context: EngineContext,
): Closeout {
  requireOpen(closeout);
  requireStageReached(context, closeout, PREPARE_FROM_STAGE);
  const copy = findPart(closeout.backupCopies, backupMatch(copyId), 'This backup copy', 'copyId');
  if (copy.deliveredAt !== null) throw illegal(`"${copy.description}" is already delivered.`);
  return {
    ...closeout,
    backupCopies: replacePart(closeout.backupCopies, backupMatch(copyId), (current) => ({
      ...current,
      deliveredAt: context.now,
      deliveredBy: actorName(context.actor),
    })),
  };
}

/**
 * The client's receipt of a backup copy. When the client reports the checksum it computed, it
 * must match ours: a mismatch means the copy is not what we made, so no receipt is recorded.
 */
export function confirmBackupReceipt(
  closeout: Closeout,
  input: { copyId: string; receivedBy: string; sha256: string | null },
  context: EngineContext,
): Closeout {
  requireOpen(closeout);
  requireStageReached(context, closeout, SESSION_STAGE);
  const copy = findPart(
    closeout.backupCopies,
    backupMatch(input.copyId),
    'This backup copy',
    'copyId',
  );
  if (copy.deliveredAt === null) throw illegal(`"${copy.description}" has not been delivered yet.`);
  if (copy.receivedAt !== null)
    throw illegal(`Receipt of "${copy.description}" is already confirmed.`);
  if (input.sha256 !== null && input.sha256.toLowerCase() !== copy.sha256) {
    throw invalid(
      'sha256',
      'The checksum does not match the copy we made: do not confirm receipt.',
    );
  }
  return {
    ...closeout,
    backupCopies: replacePart(closeout.backupCopies, backupMatch(input.copyId), (current) => ({
      ...current,
      receivedAt: context.now,
      receivedBy: input.receivedBy,
      checksumVerified: input.sha256 !== null,
    })),
  };
}

export function recordSessionHeld(
  closeout: Closeout,
  input: { heldAt: IsoDateTime },
  context: EngineContext,
): Closeout {
  requireOpen(closeout);
  requireStageReached(context, closeout, SESSION_STAGE);
  if (input.heldAt > context.now)
    throw invalid('heldAt', 'The session cannot be recorded as held in the future.');
  return { ...closeout, sessionHeldAt: input.heldAt };
}

export function acceptResponsibility(
  closeout: Closeout,
  input: {
    acceptedByName: string;
    acceptedByTitle: string;
    effectiveFrom: IsoDateTime;
    signature?: ResponsibilitySignature;
  },
  context: EngineContext,
): Closeout {
  requireOpen(closeout);
  requireStageReached(context, closeout, SESSION_STAGE);
  if (closeout.responsibilityAcceptance !== null) {
    throw illegal('The client has already accepted responsibility for system administration.');
  }
  return {
    ...closeout,
    responsibilityAcceptance: {
      acceptedByName: input.acceptedByName,
      acceptedByTitle: input.acceptedByTitle,
      effectiveFrom: input.effectiveFrom,
      signature: input.signature ?? null,
      acceptedAt: context.now,
      recordedBy: actorName(context.actor),
    },
  };
}
