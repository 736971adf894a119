import { Badge, Text } from '@mantine/core';
import type { TAgreement, TClientDetail } from '../../../../src/server/clients/schema.js';
import type { Column } from '../../components/DataTable.js';
import { formatDay, formatMoney } from '../../format.js';
import { AGREEMENT_STATUS_LABELS } from '../../labels.js';
import { AgreementFormModal } from './AgreementFormModal.js';
import { ClientRecordSection } from './ClientRecordSection.js';

/** The client's agreements: what it pays, for how long, and how much notice it must give. */
export function AgreementsSection({ client }: { client: TClientDetail }) {
  return (
    <ClientRecordSection
      client={client}
      kind="agreements"
      records={client.agreements}
      title="Agreements"
      description={`${formatMoney(client.monthlyRecurringRevenue)} a month from the active agreements. Their notice periods and terms decide the earliest termination date.`}
      addLabel="Add agreement"
      empty={{
        title: 'No agreements yet',
        text: "Add the client's service agreements so a closeout can work out its termination date and the revenue at risk.",
      }}
      columns={COLUMNS}
      minWidth={760}
      form={(agreement, onClose) => (
        <AgreementFormModal clientId={client.id} agreement={agreement} onClose={onClose} />
      )}
      removal={{
        title: 'Remove the agreement',
        note: 'Only remove an agreement entered by mistake. When an agreement ended, edit it and set its status to ended, so its history stays.',
      }}
    />
  );
}

const COLUMNS: Column<TAgreement>[] = [
  {
    header: 'Agreement',
    cell: (agreement) => (
      <Text size="sm" fw={600}>
        {agreement.name}
      </Text>
    ),
  },
  {
    header: 'Status',
    cell: (agreement) => (
      <>
        <Badge variant="light" color={agreement.status === 'active' ? 'teal' : 'gray'}>
          {AGREEMENT_STATUS_LABELS[agreement.status]}
        </Badge>
        {agreement.endedOn !== null && (
          <Text size="xs" c="dimmed">
            on {formatDay(agreement.endedOn)}
          </Text>
        )}
      </>
    ),
  },
  {
    header: 'MRR',
    align: 'right',
    cell: (agreement) => (
      <Text size="sm" ff="monospace">
        {formatMoney(agreement.monthlyRecurringRevenue)}
      </Text>
    ),
  },
  { header: 'Start', cell: (agreement) => <Text size="sm">{formatDay(agreement.startDate)}</Text> },
  {
    header: 'Term',
    cell: (agreement) => (
      <Text size="sm">
        {agreement.termEndDate === null ? 'Rolling' : `Until ${formatDay(agreement.termEndDate)}`}
      </Text>
    ),
  },
  {
    header: 'Notice',
    align: 'right',
    cell: (agreement) => <Text size="sm">{agreement.noticePeriodDays} days</Text>,
  },
];
