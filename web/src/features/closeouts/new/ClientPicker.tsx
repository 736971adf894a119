import { Anchor, Badge, Group, Loader, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import type { TClientSummary } from '../../../../../src/server/clients/schema.js';
import { useChosenClient, useClientLookup } from '../../../api/clients-lookup.js';
import { CLIENT_STATUS_COLORS, CLIENT_STATUS_LABELS } from '../../../labels.js';

const SEARCH_DELAY_MS = 250;

/**
 * Finds the client by name as the user types, asking the API rather than a list loaded up front
 * (an MSP may have thousands). Only an active client can have a closeout opened; the others are
 * listed, greyed, with where they stand.
 */
export function ClientPicker({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (clientId: string) => void;
  error?: ReactNode;
}) {
  const [search, setSearch] = useState('');
  const [settled] = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const chosen = useChosenClient(value === '' ? null : value);
  // Once a client is chosen its name fills the box; opening the list again shows everyone.
  const lookup = useClientLookup(settled === chosen.data?.name ? '' : settled);

  const found = lookup.data?.items ?? [];
  const clients: TClientSummary[] =
    chosen.data === undefined || found.some((client) => client.id === chosen.data.id)
      ? found
      : [chosen.data, ...found];
  const statusOf = new Map(clients.map((client) => [client.id, client.status]));

  return (
    <Select
      label="Client"
      placeholder="Search by name…"
      withAsterisk
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={clients.map((client) => ({
        value: client.id,
        label: client.name,
        disabled: client.status !== 'active' && client.id !== value,
      }))}
      value={value === '' ? null : value}
      onChange={(clientId) => onChange(clientId ?? '')}
      renderOption={({ option }) => {
        const status = statusOf.get(option.value);
        return (
          <Group justify="space-between" wrap="nowrap" w="100%" gap="xs">
            <Text size="sm">{option.label}</Text>
            {status !== undefined && status !== 'active' && (
              <Badge size="xs" variant="light" color={CLIENT_STATUS_COLORS[status]}>
                {CLIENT_STATUS_LABELS[status]}
              </Badge>
            )}
          </Group>
        );
      }}
      nothingFoundMessage={lookup.isFetching ? 'Searching…' : 'No client by that name'}
      rightSection={lookup.isFetching ? <Loader size={14} /> : undefined}
      description={
        chosen.data === undefined ? undefined : <ChosenClientNote client={chosen.data} />
      }
      error={error}
    />
  );
}

/** Why a client that is not active cannot have a closeout opened, and where to go instead. */
function ChosenClientNote({ client }: { client: TClientSummary }) {
  if (client.status === 'in_closeout' && client.openCloseoutId !== null) {
    return (
      <Text span size="xs" c="orange">
        {client.name} already has an open closeout.{' '}
        <Anchor component={Link} to={`/closeouts/${client.openCloseoutId}`} size="xs">
          Go to it
        </Anchor>
      </Text>
    );
  }
  if (client.status === 'former') {
    return (
      <Text span size="xs" c="orange">
        {client.name} is a former client: record its return on{' '}
        <Anchor component={Link} to={`/clients/${client.id}`} size="xs">
          its page
        </Anchor>{' '}
        first.
      </Text>
    );
  }
  return null;
}
