import { describe, expect, it } from 'vitest';
import {
  ACTORS,
  act,
  atDeactivationSession,
  atMeetingStage,
  atTicketReview,
  BACKUP_SHA256,
  engineContext,
  NOW,
  refusal,
  SESSION_AT,
  taskByKey,
} from '../../../test/support/closeout-scenarios.js';
import type { Closeout } from '../model.js';
import type { EngineContext } from './context.js';
import {
  acceptResponsibility,
  addHandoverItems,
  confirmBackupReceipt,
  confirmHandover,
  markBackupDelivered,
  markHandedOver,
  recordBackupCopy,
  recordSessionHeld,
} from './deactivation-session.js';

const nas = { managedSystemId: null, systemName: 'NAS', credentialLabel: 'Admin', notes: '' };

const addItem = (closeout: Closeout, context: EngineContext) =>
  act(closeout, (c) => addHandoverItems(c, [nas], context), context);

const confirm = (closeout: Closeout, itemId: string, context: EngineContext) =>
  act(closeout, (c) => confirmHandover(c, { itemId, confirmedBy: 'Nina New' }, context), context);

const receive = (
  closeout: Closeout,
  copyId: string,
  sha256: string | null,
  context: EngineContext,
) =>
  act(
    closeout,
    (c) => confirmBackupReceipt(c, { copyId, receivedBy: 'Nina New', sha256 }, context),
    context,
  );

describe('handover of credentials', () => {
  it('is prepared from the ticket review on, not before', () => {
    const context = engineContext();
    expect(refusal(() => addItem(atMeetingStage({ context }), context)).code).toBe(
      'illegal_transition',
    );
    const prepared = addItem(atTicketReview({ context }), context);
    expect(prepared.handoverItems).toEqual([
      {
        id: expect.any(String),
        ...nas,
        handedOverAt: null,
        handedOverBy: null,
        confirmedAt: null,
        confirmedBy: null,
      },
    ]);
  });

  it('hands over once', () => {
    const context = engineContext();
    const closeout = addItem(atTicketReview({ context }), context);
    const itemId = closeout.handoverItems[0]!.id;
    const handedOver = act(closeout, (c) => markHandedOver(c, itemId, context), context);
    expect(handedOver.handoverItems[0]).toMatchObject({
      handedOverAt: NOW,
      handedOverBy: 'Sam Service',
    });
    expect(
      refusal(() => act(handedOver, (c) => markHandedOver(c, itemId, context), context)).message,
    ).toBe('NAS is already handed over.');
  });

  it('refuses a confirmation before the session stage', () => {
    const context = engineContext();
    let closeout = addItem(atTicketReview({ context }), context);
    const itemId = closeout.handoverItems[0]!.id;
    closeout = act(closeout, (c) => markHandedOver(c, itemId, context), context);
    const error = refusal(() => confirm(closeout, itemId, context));
    expect(error.code).toBe('illegal_transition');
    expect(error.message).toContain('11a.04 Service Deactivation Session');
  });

  it('refuses a confirmation of a credential not handed over', () => {
    const context = engineContext();
    const closeout = addItem(atDeactivationSession({ context }), context);
    const error = refusal(() => confirm(closeout, closeout.handoverItems[2]!.id, context));
    expect(error.code).toBe('illegal_transition');
    expect(error.message).toBe('NAS: hand the credential over before the client confirms it.');
    expect(refusal(() => confirm(closeout, 'nope', context)).field).toBe('itemId');
  });

  it('records the confirmation once, and completes the task when every credential is confirmed', () => {
    const context = engineContext({ actor: ACTORS.clientContact });
    let closeout = atDeactivationSession({ context });
    const [m365, firewall] = closeout.handoverItems;
    closeout = confirm(closeout, m365!.id, context);
    expect(closeout.handoverItems[0]).toMatchObject({ confirmedAt: NOW, confirmedBy: 'Nina New' });
    expect(taskByKey(closeout, 't27').status).toBe('open');
    expect(refusal(() => confirm(closeout, m365!.id, context)).message).toBe(
      'Microsoft 365 is already confirmed.',
    );
    closeout = confirm(closeout, firewall!.id, context);
    expect(taskByKey(closeout, 't27').status).toBe('done');
  });
});

describe('backup copy', () => {
  const copyInput = {
    description: 'Mailbox export',
    systemsCovered: ['Microsoft 365'],
    sizeBytes: 1_000,
    sha256: 'CD'.repeat(32),
    medium: 'download_link' as const,
  };

  it('keeps the checksum in lower case', () => {
    const context = engineContext();
    const closeout = act(
      atTicketReview({ context }),
      (c) => recordBackupCopy(c, copyInput, context),
      context,
    );
    expect(closeout.backupCopies[0]).toMatchObject({
      sha256: 'cd'.repeat(32),
      deliveredAt: null,
      receivedAt: null,
      checksumVerified: false,
    });
  });

  it('refuses a receipt before delivery', () => {
    const context = engineContext();
    const closeout = act(
      atDeactivationSession({ context }),
      (c) => recordBackupCopy(c, copyInput, context),
      context,
    );
    const error = refusal(() => receive(closeout, closeout.backupCopies[1]!.id, null, context));
    expect(error.code).toBe('illegal_transition');
    expect(error.message).toBe('"Mailbox export" has not been delivered yet.');
  });

  it('refuses a receipt whose checksum does not match', () => {
    const context = engineContext();
    const closeout = atDeactivationSession({ context });
    const error = refusal(() =>
      receive(closeout, closeout.backupCopies[0]!.id, 'ef'.repeat(32), context),
    );
    expect(error.code).toBe('validation');
    expect(error.field).toBe('sha256');
  });

  it('marks the checksum verified when the client reports a matching one', () => {
    const context = engineContext();
    const closeout = atDeactivationSession({ context });
    const copyId = closeout.backupCopies[0]!.id;
    const received = receive(closeout, copyId, BACKUP_SHA256.toUpperCase(), context);
    expect(received.backupCopies[0]).toMatchObject({
      receivedAt: NOW,
      receivedBy: 'Nina New',
      checksumVerified: true,
    });
    expect(taskByKey(received, 't28').status).toBe('done');
    expect(refusal(() => receive(received, copyId, null, context)).code).toBe('illegal_transition');

    const unverified = receive(closeout, copyId, null, context);
    expect(unverified.backupCopies[0]).toMatchObject({ receivedAt: NOW, checksumVerified: false });
  });

  it('delivers once', () => {
    const context = engineContext();
    const closeout = atDeactivationSession({ context });
    const copyId = closeout.backupCopies[0]!.id;
    expect(closeout.backupCopies[0]!.deliveredAt).toBe(NOW);
    expect(
      refusal(() => act(closeout, (c) => markBackupDelivered(c, copyId, context), context)).message,
    ).toBe('"Full backup of SRV01" is already delivered.');
  });
});

describe('session and responsibility', () => {
  const acceptance = {
    acceptedByName: 'Dana Decider',
    acceptedByTitle: 'Managing Director',
    effectiveFrom: SESSION_AT,
  };

  it('refuses a session held in the future, and records one held', () => {
    const context = engineContext();
    const closeout = atDeactivationSession({ context });
    const error = refusal(() =>
      act(
        closeout,
        (c) => recordSessionHeld(c, { heldAt: '2025-05-01T09:00:00.000Z' }, context),
        context,
      ),
    );
    expect(error.code).toBe('validation');
    expect(error.field).toBe('heldAt');
    const held = act(
      closeout,
      (c) => recordSessionHeld(c, { heldAt: SESSION_AT }, context),
      context,
    );
    expect(held.sessionHeldAt).toBe(SESSION_AT);
    expect(taskByKey(held, 't26').status).toBe('done');
  });

  it('takes the acceptance of responsibility in the session stage, once', () => {
    const context = engineContext({ actor: ACTORS.clientContact });
    const early = refusal(() =>
      act(
        atTicketReview({ context }),
        (c) => acceptResponsibility(c, acceptance, context),
        context,
      ),
    );
    expect(early.code).toBe('illegal_transition');

    const accepted = act(
      atDeactivationSession({ context }),
      (c) => acceptResponsibility(c, acceptance, context),
      context,
    );
    expect(accepted.responsibilityAcceptance).toEqual({
      ...acceptance,
      acceptedAt: NOW,
      recordedBy: 'Chris Client',
      signature: null,
    });
    expect(taskByKey(accepted, 't29').status).toBe('done');
    const twice = refusal(() =>
      act(accepted, (c) => acceptResponsibility(c, acceptance, context), context),
    );
    expect(twice.code).toBe('illegal_transition');
    expect(twice.message).toBe(
      'The client has already accepted responsibility for system administration.',
    );
  });
});
