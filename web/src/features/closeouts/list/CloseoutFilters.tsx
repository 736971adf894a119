import { Button, Group, Select, type SelectProps, TextInput } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useProcessDefinition } from '../../../api/process.js';
import { useStaffDirectory } from '../../../api/staff.js';
import { SearchInput } from '../../../components/SearchInput.js';
import { options, STATUS_LABELS, TRIGGER_LABELS } from '../../../labels.js';
import type { useCloseoutFilters } from './use-closeout-filters.js';

type Filters = ReturnType<typeof useCloseoutFilters>;

/** The list's filter bar; every control writes the URL, which the list reads. */
export function CloseoutFilters({ filters }: { filters: Filters }) {
  const definition = useProcessDefinition();
  const staff = useStaffDirectory();
  const { query, change } = filters;
  return (
    <Group mb="md" gap="sm" align="flex-end" wrap="wrap">
      <SearchInput
        label="Search"
        placeholder="Client or reference…"
        value={query.q ?? ''}
        onSearch={(q) => change({ q })}
        w={{ base: '100%', xs: 200 }}
      />
      <FilterSelect
        filters={filters}
        name="stage"
        label="Stage"
        placeholder="Any stage"
        data={(definition.data?.stages ?? []).map((stage) => ({
          value: stage.key,
          label: stage.name,
        }))}
        width={180}
      />
      <FilterSelect
        filters={filters}
        name="status"
        label="Outcome"
        placeholder="Any outcome"
        data={options(STATUS_LABELS)}
        width={140}
      />
      <FilterSelect
        filters={filters}
        name="trigger"
        label="Trigger"
        placeholder="Any trigger"
        data={options(TRIGGER_LABELS)}
        width={160}
      />
      <FilterSelect
        filters={filters}
        name="ownerUserId"
        label="Owner"
        placeholder="Anyone"
        data={(staff.data?.users ?? []).map((user) => ({ value: user.id, label: user.name }))}
        searchable
        nothingFoundMessage="No one by that name"
        width={170}
      />
      <TextInput
        type="date"
        label="Opened from"
        value={query.openedFrom ?? ''}
        max={query.openedTo}
        onChange={(event) => change({ openedFrom: event.currentTarget.value })}
        w={{ base: '100%', xs: 140 }}
      />
      <TextInput
        type="date"
        label="Opened to"
        value={query.openedTo ?? ''}
        min={query.openedFrom}
        onChange={(event) => change({ openedTo: event.currentTarget.value })}
        w={{ base: '100%', xs: 140 }}
      />
      {filters.filtered && (
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconX size={14} />}
          onClick={filters.clear}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}

/** A select that narrows the list by one filter; clearing it shows every value again. */
function FilterSelect({
  filters,
  name,
  width,
  ...selectProps
}: Omit<SelectProps, 'value' | 'onChange' | 'clearable' | 'w'> & {
  filters: Filters;
  name: 'stage' | 'status' | 'trigger' | 'ownerUserId';
  width: number;
}) {
  return (
    <Select
      {...selectProps}
      value={filters.query[name] ?? null}
      onChange={(value) => filters.change({ [name]: value })}
      clearable
      w={{ base: '100%', xs: width }}
    />
  );
}
