import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useProcessDefinition } from '../../../api/process.js';
import { useStaffDirectory } from '../../../api/staff.js';
import { options, STATUS_LABELS, TRIGGER_LABELS } from '../../../labels.js';
import type { useCloseoutFilters } from './use-closeout-filters.js';

const SEARCH_DELAY_MS = 300;

type Filters = ReturnType<typeof useCloseoutFilters>;

/** The list's filter bar; every control writes the URL, which the list reads. */
export function CloseoutFilters({ filters }: { filters: Filters }) {
  const definition = useProcessDefinition();
  const staff = useStaffDirectory();
  const { query, change } = filters;
  return (
    <Group mb="md" gap="sm" align="flex-end" wrap="wrap">
      <SearchInput value={query.q ?? ''} onSearch={(q) => change({ q })} />
      <Select
        label="Stage"
        placeholder="Any stage"
        data={(definition.data?.stages ?? []).map((stage) => ({
          value: stage.key,
          label: stage.name,
        }))}
        value={query.stage ?? null}
        onChange={(stage) => change({ stage })}
        clearable
        w={{ base: '100%', xs: 180 }}
      />
      <Select
        label="Outcome"
        placeholder="Any outcome"
        data={options(STATUS_LABELS)}
        value={query.status ?? null}
        onChange={(status) => change({ status })}
        clearable
        w={{ base: '100%', xs: 140 }}
      />
      <Select
        label="Trigger"
        placeholder="Any trigger"
        data={options(TRIGGER_LABELS)}
        value={query.trigger ?? null}
        onChange={(trigger) => change({ trigger })}
        clearable
        w={{ base: '100%', xs: 160 }}
      />
      <Select
        label="Owner"
        placeholder="Anyone"
        data={(staff.data?.users ?? []).map((user) => ({ value: user.id, label: user.name }))}
        value={query.ownerUserId ?? null}
        onChange={(ownerUserId) => change({ ownerUserId })}
        searchable
        clearable
        nothingFoundMessage="No one by that name"
        w={{ base: '100%', xs: 170 }}
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

/**
 * Searches once typing pauses, so each keystroke is not a request; follows the URL when it
 * changes otherwise (Back, or clearing the filters).
 */
function SearchInput({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value);
  const [settled] = useDebouncedValue(text.trim(), SEARCH_DELAY_MS);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled change searches.
  useEffect(() => {
    if (settled !== value) onSearch(settled);
  }, [settled]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of the URL resets the text.
  useEffect(() => {
    if (value !== text.trim()) setText(value);
  }, [value]);
  return (
    <TextInput
      label="Search"
      placeholder="Client or reference…"
      leftSection={<IconSearch size={16} />}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      w={{ base: '100%', xs: 200 }}
    />
  );
}
