import {
  acceptResponsibility,
  addHandoverItems,
  confirmBackupReceipt,
  confirmHandover,
  markBackupDelivered,
  markHandedOver,
  recordBackupCopy,
  recordSessionHeld,
} from '../../domain/closeout/index.js';
import { handoverItemsForSystems } from '../../domain/handover.js';
import type { BackupMedium } from '../../domain/model.js';
import type { Step } from '../simulate.js';
import { at, dayOf, minutesAfter } from '../time.js';
import { action, completeTaskStep, type ScriptContext, step } from './context.js';

/** 11a.04 Service Deactivation Session: the hand-over prepared, then held with the client. */

const BACKED_UP = ['domain_admin', 'hypervisor', 'backup_console', 'cloud_tenant', 'lob_app'];
const GIGABYTE = 1024 ** 3;

export function preparationSteps(script: ScriptContext): Step[] {
  const { timeline, staff, client, random } = script;
  const covered = client.systems
    .filter((system) => BACKED_UP.includes(system.category))
    .map((system) => system.name);
  const medium = random.weighted<BackupMedium>([
    ['encrypted_drive', 40],
    ['download_link', 35],
    ['cloud_to_cloud', 20],
    ['other', 5],
  ]);
  const backup = {
    description: `Full backup of ${covered.length > 0 ? covered.join(', ') : 'the file shares'} (image and file level)`,
    systemsCovered: covered.length > 0 ? covered : ['File shares'],
    sizeBytes: random.int(40, 900) * GIGABYTE,
    sha256: random.hex(64),
    medium,
  };
  return [
    step(
      timeline.handoverAddedAt,
      action('add_handover_items', staff.technician, (closeout, context) =>
        addHandoverItems(
          closeout,
          handoverItemsForSystems(client.systems, closeout.handoverItems),
          context,
        ),
      ),
    ),
    step(
      timeline.backupRecordedAt,
      action('record_backup_copy', staff.technician, (closeout, context) =>
        recordBackupCopy(closeout, backup, context),
      ),
    ),
    completeTaskStep(
      minutesAfter(timeline.backupRecordedAt, 240),
      't25',
      staff.technician,
      'Documentation exported (network, assets, licences, vendors) and shared with the client.',
    ),
    {
      at: timeline.handedOverAt,
      actions: (closeout) =>
        closeout.handoverItems
          .filter((item) => item.handedOverAt === null)
          .map((item) =>
            action('hand_over_credential', staff.technician, (current, context) =>
              markHandedOver(current, item.id, context),
            ),
          ),
    },
    {
      at: timeline.deliveredAt,
      actions: (closeout) =>
        closeout.backupCopies
          .filter((copy) => copy.deliveredAt === null)
          .map((copy) =>
            action('deliver_backup_copy', staff.technician, (current, context) =>
              markBackupDelivered(current, copy.id, context),
            ),
          ),
    },
  ];
}

/**
 * The session itself. The technician records the client's confirmations as they happen in the
 * room; the Service Manager records the signed transfer of responsibility.
 */
export function sessionSteps(script: ScriptContext): Step[] {
  const { timeline, staff, client, transition } = script;
  const session = timeline.sessionAt;
  return [
    {
      at: minutesAfter(session, 60),
      actions: (closeout) =>
        closeout.handoverItems
          .filter((item) => item.confirmedAt === null)
          .map((item) =>
            action('confirm_handover', staff.technician, (current, context) =>
              confirmHandover(current, { itemId: item.id, confirmedBy: transition.name }, context),
            ),
          ),
    },
    {
      at: minutesAfter(session, 100),
      actions: (closeout) =>
        closeout.backupCopies
          .filter((copy) => copy.receivedAt === null)
          .map((copy) =>
            action('confirm_backup_receipt', staff.technician, (current, context) =>
              confirmBackupReceipt(
                current,
                { copyId: copy.id, receivedBy: transition.name, sha256: copy.sha256 },
                context,
              ),
            ),
          ),
    },
    step(
      minutesAfter(session, 130),
      action('accept_responsibility', staff.serviceManager, (closeout, context) =>
        acceptResponsibility(
          closeout,
          {
            acceptedByName: client.decisionMaker.name,
            acceptedByTitle: client.decisionMaker.title ?? '',
            effectiveFrom: at(dayOf(session), 12),
          },
          context,
        ),
      ),
    ),
    step(
      minutesAfter(session, 160),
      action('record_session_held', staff.serviceManager, (closeout, context) =>
        recordSessionHeld(closeout, { heldAt: session }, context),
      ),
    ),
  ];
}
