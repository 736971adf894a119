import { Alert, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconCircleCheck,
  IconInfoCircle,
  IconKey,
  IconPlus,
  IconSparkles,
  IconUserCheck,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { TCloseoutDetail } from '../../../../../../src/server/closeouts/schema.js';
import { useCloseoutAction } from '../../../../api/closeouts.js';
import { ProblemAlert } from '../../../../components/ProblemAlert.js';
import { EmptyState } from '../../../../components/QueryState.js';
import { formatMoment } from '../../../../format.js';
import { EvidenceFiles } from '../evidence/EvidenceFiles.js';
import { GuardedButton } from '../GuardedButton.js';
import { StageSection } from '../panels/StageSection.js';
import { AddHandoverItemForm } from './AddHandoverItemForm.js';
import { ConfirmHandoverForm } from './ConfirmHandoverForm.js';
import { HandoverSecretControls } from './HandoverSecretControls.js';
import { notifyRefusal } from './notify-refusal.js';

type THandoverItem = TCloseoutDetail['handoverItems'][number];

/** Items by system, systems in the order they were first added. */
function bySystem(items: THandoverItem[]): [string, THandoverItem[]][] {
  const groups = new Map<string, THandoverItem[]>();
  for (const item of items)
    groups.set(item.systemName, [...(groups.get(item.systemName) ?? []), item]);
  return [...groups];
}

function Step({ done, label, detail }: { done: boolean; label: string; detail: string | null }) {
  return (
    <Group gap={4} wrap="nowrap">
      <IconCircleCheck
        size={14}
        aria-hidden
        color={done ? 'var(--mantine-color-teal-filled)' : 'var(--mantine-color-dimmed)'}
      />
      <Text size="xs" c={done ? undefined : 'dimmed'}>
        {label}
        {detail !== null && ` · ${detail}`}
      </Text>
    </Group>
  );
}

function HandoverItemRow({
  closeout,
  item,
  editable,
  confirming,
  onConfirm,
  onCloseConfirm,
}: {
  closeout: TCloseoutDetail;
  item: THandoverItem;
  editable: boolean;
  confirming: boolean;
  onConfirm: () => void;
  onCloseConfirm: () => void;
}) {
  const action = useCloseoutAction(closeout);
  return (
    <Stack gap={6} py="xs">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Group gap={6}>
            <IconKey size={14} aria-hidden />
            <Text size="sm" fw={500}>
              {item.credentialLabel}
            </Text>
          </Group>
          {item.notes !== '' && (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
              {item.notes}
            </Text>
          )}
          <Group gap="md">
            <Step
              done={item.handedOverAt !== null}
              label="Handed over"
              detail={
                item.handedOverAt === null
                  ? null
                  : `${item.handedOverBy ?? ''}, ${formatMoment(item.handedOverAt)}`
              }
            />
            <Step
              done={item.confirmedAt !== null}
              label="Client confirmed"
              detail={
                item.confirmedAt === null
                  ? null
                  : `${item.confirmedBy ?? ''}, ${formatMoment(item.confirmedAt)}`
              }
            />
          </Group>
          <HandoverSecretControls closeout={closeout} item={item} editable={editable} />
          <EvidenceFiles
            closeoutId={closeout.id}
            subject={{ kind: 'handover_item', id: item.id }}
            name={`${item.systemName}: ${item.credentialLabel}`}
            editable={editable}
            permission="closeout.handover"
          />
        </Stack>
        {editable && !confirming && (
          <Group gap="xs">
            {item.handedOverAt === null && (
              <GuardedButton
                permission="closeout.handover"
                size="xs"
                variant="light"
                loading={action.isPending}
                onClick={() =>
                  action.mutate({
                    path: `handover-items/${item.id}/hand-over`,
                    success: `${item.systemName}: ${item.credentialLabel} handed over.`,
                  })
                }
              >
                Mark handed over
              </GuardedButton>
            )}
            {item.handedOverAt !== null && item.confirmedAt === null && (
              <GuardedButton
                permission="closeout.handover"
                size="xs"
                variant="light"
                color="teal"
                leftSection={<IconUserCheck size={14} />}
                onClick={onConfirm}
              >
                Client confirmed
              </GuardedButton>
            )}
          </Group>
        )}
      </Group>
      {confirming && (
        <ConfirmHandoverForm closeout={closeout} item={item} onClose={onCloseConfirm} />
      )}
      <ProblemAlert error={action.error} />
    </Stack>
  );
}

function GenerateButton({ closeout }: { closeout: TCloseoutDetail }) {
  const action = useCloseoutAction(closeout);
  return (
    <GuardedButton
      permission="closeout.handover"
      variant="light"
      leftSection={<IconSparkles size={16} />}
      loading={action.isPending}
      onClick={() =>
        action.mutate(
          { path: 'handover-items/from-managed-systems' },
          {
            onSuccess: (updated) => {
              const added = updated.handoverItems.length - closeout.handoverItems.length;
              notifications.show({
                color: added > 0 ? 'teal' : 'blue',
                message:
                  added > 0
                    ? `${added} ${added === 1 ? 'credential' : 'credentials'} added from the client's managed systems.`
                    : 'Every managed system of the client already has a handover item.',
              });
            },
            onError: (error) => notifyRefusal('Nothing generated', error),
          },
        )
      }
    >
      Generate from the client's managed systems
    </GuardedButton>
  );
}

/** The administration credentials of every managed system, handed over and confirmed. */
export function HandoverItems({
  closeout,
  editable,
  gateKeys,
}: {
  closeout: TCloseoutDetail;
  editable: boolean;
  gateKeys: string[];
}) {
  const [adding, setAdding] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const items = closeout.handoverItems;
  const confirmed = items.filter((item) => item.confirmedAt !== null).length;
  const groups = bySystem(items);
  return (
    <StageSection
      title="Administration credentials"
      description={
        items.length === 0
          ? 'One credential per managed system, handed over to the client and confirmed by them.'
          : `${confirmed} of ${items.length} confirmed by the client.`
      }
      done={items.length > 0 && confirmed === items.length}
      gateKeys={gateKeys}
      closeout={closeout}
      actions={
        editable ? (
          <>
            <GenerateButton closeout={closeout} />
            <GuardedButton
              permission="closeout.handover"
              variant="default"
              leftSection={<IconPlus size={16} />}
              onClick={() => setAdding(true)}
              disabled={adding}
            >
              Add an item
            </GuardedButton>
          </>
        ) : undefined
      }
    >
      {editable && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
          The client confirms each credential in the client portal. When it confirms by phone or on
          paper instead, record its confirmation here, naming who at the client verified access.
        </Alert>
      )}
      {adding && (
        <Paper withBorder p="md">
          <AddHandoverItemForm
            closeout={closeout}
            systems={groups.map(([system]) => system)}
            onClose={() => setAdding(false)}
          />
        </Paper>
      )}
      {items.length === 0 ? (
        !adding && (
          <EmptyState title="No credentials to hand over yet">
            Generate one item per managed system of the client, or add items by hand.
          </EmptyState>
        )
      ) : (
        <Stack gap="sm">
          {groups.map(([system, systemItems]) => {
            const systemConfirmed = systemItems.filter((item) => item.confirmedAt !== null).length;
            return (
              <Paper key={system} withBorder p="sm" component="section" aria-label={system}>
                <Group justify="space-between" mb={4}>
                  <Text fw={600}>{system}</Text>
                  <Badge
                    color={systemConfirmed === systemItems.length ? 'teal' : 'gray'}
                    variant="light"
                    tt="none"
                  >
                    {systemConfirmed} of {systemItems.length} confirmed
                  </Badge>
                </Group>
                <Stack gap={0}>
                  {systemItems.map((item) => (
                    <HandoverItemRow
                      key={item.id}
                      closeout={closeout}
                      item={item}
                      editable={editable}
                      confirming={confirming === item.id}
                      onConfirm={() => setConfirming(item.id)}
                      onCloseConfirm={() => setConfirming(null)}
                    />
                  ))}
                </Stack>
              </Paper>
            );
          })}
        </Stack>
      )}
    </StageSection>
  );
}
