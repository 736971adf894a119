import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconSearch, IconX } from '@tabler/icons-react';
import {
  type FilterName,
  isFiltered,
  OUTCOME_FILTERS,
  RESPONSE_FILTERS,
  type TicketQuery,
} from './ticket-query.js';

const DISPOSITION_OPTIONS = [
  { value: 'undecided', label: 'Undecided' },
  { value: 'complete', label: 'Complete' },
  { value: 'cancel', label: 'Cancel' },
];
const RESPONSE_LABELS: Record<(typeof RESPONSE_FILTERS)[number], string> = {
  agreed: 'Agreed',
  questioned: 'Questioned',
  pending: 'Awaiting client',
};
const OUTCOME_LABELS: Record<(typeof OUTCOME_FILTERS)[number], string> = {
  open: 'Open',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export function TicketFilters({
  query,
  onChange,
  onClear,
}: {
  query: TicketQuery;
  onChange: (name: FilterName, value: string | null) => void;
  onClear: () => void;
}) {
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label="Search"
        placeholder="Number, title, reason or note"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={query.search}
        onChange={(event) => onChange('search', event.currentTarget.value)}
        w={260}
      />
      <Select
        label="Disposition"
        placeholder="Any"
        data={DISPOSITION_OPTIONS}
        value={query.disposition}
        onChange={(value) => onChange('disposition', value)}
        clearable
        w={160}
      />
      <Select
        label="Client response"
        placeholder="Any"
        data={RESPONSE_FILTERS.map((value) => ({ value, label: RESPONSE_LABELS[value] }))}
        value={query.response}
        onChange={(value) => onChange('response', value)}
        clearable
        w={170}
      />
      <Select
        label="Outcome"
        placeholder="Any"
        data={OUTCOME_FILTERS.map((value) => ({ value, label: OUTCOME_LABELS[value] }))}
        value={query.outcome}
        onChange={(value) => onChange('outcome', value)}
        clearable
        w={150}
      />
      {isFiltered(query) && (
        <Button variant="subtle" leftSection={<IconX size={14} />} onClick={onClear}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
