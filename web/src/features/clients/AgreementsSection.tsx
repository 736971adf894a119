import { Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { TAgreement, TClientDetail } from '../../../../src/server/clients/schema.js';
import { useCan } from '../../api/session.js';
import { EmptyState } from '../../components/QueryState.js';
import { formatDay, formatMoney } from '../../format.js';
import { AGREEMENT_STATUS_LABELS } from '../../labels.js';
import { AgreementFormModal } from './AgreementFormModal.js';
import { PermittedButton } from './PermittedButton.js';
import { RecordActions } from './RecordActions.js';
import { RemoveRecordModal } from './RemoveRecordModal.js';
import { SectionHeader } from './SectionHeader.js';

/** The client's agreements: what it pays, for how long, and how much notice it must give. */
export function AgreementsSection({ client }: { client: TClientDetail }) {
  const canManage = useCan('client.manage');
  const [editing, setEditing] = useState<TAgreement | 'new' | null>(null);
  const [removing, setRemoving] = useState<TAgreement | null>(null);
  const add = (
    <PermittedButton
      permission="client.manage"
      variant="light"
      leftSection={<IconPlus size={16} />}
      onClick={() => setEditing('new')}
    >
      Add agreement
    </PermittedButton>
  );
  return (
    <>
      <SectionHeader
        title="Agreements"
        description={`${formatMoney(client.monthlyRecurringRevenue)} a month from the active agreements. Their notice periods and terms decide the earliest termination date.`}
        action={client.agreements.length > 0 ? add : undefined}
      />
      {client.agreements.length === 0 ? (
        <EmptyState title="No agreements yet" action={add}>
          Add the client's service agreements so a closeout can work out its termination date and
          the revenue at risk.
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Agreement</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">MRR</Table.Th>
                <Table.Th>Start</Table.Th>
                <Table.Th>Term</Table.Th>
                <Table.Th ta="right">Notice</Table.Th>
                {canManage && (
                  <Table.Th w={48}>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {client.agreements.map((agreement) => (
                <Table.Tr key={agreement.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {agreement.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={agreement.status === 'active' ? 'teal' : 'gray'}>
                      {AGREEMENT_STATUS_LABELS[agreement.status]}
                    </Badge>
                    {agreement.endedOn !== null && (
                      <Text size="xs" c="dimmed">
                        on {formatDay(agreement.endedOn)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" ff="monospace">
                      {formatMoney(agreement.monthlyRecurringRevenue)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDay(agreement.startDate)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {agreement.termEndDate === null
                        ? 'Rolling'
                        : `Until ${formatDay(agreement.termEndDate)}`}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm">{agreement.noticePeriodDays} days</Text>
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      <RecordActions
                        name={agreement.name}
                        onEdit={() => setEditing(agreement)}
                        onRemove={() => setRemoving(agreement)}
                      />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing !== null && (
        <AgreementFormModal
          clientId={client.id}
          agreement={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {removing !== null && (
        <RemoveRecordModal
          clientId={client.id}
          kind="agreements"
          record={removing}
          title="Remove the agreement"
          onClose={() => setRemoving(null)}
        >
          <Text size="sm" c="dimmed">
            Only remove an agreement entered by mistake. When an agreement ended, edit it and set
            its status to ended, so its history stays.
          </Text>
        </RemoveRecordModal>
      )}
    </>
  );
}
