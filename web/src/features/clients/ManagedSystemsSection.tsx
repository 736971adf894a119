import { Badge, Text } from '@mantine/core';
import type { TClientDetail, TManagedSystem } from '../../../../src/server/clients/schema.js';
import type { Column } from '../../components/DataTable.js';
import { ClientRecordSection } from './ClientRecordSection.js';
import { ManagedSystemFormModal } from './ManagedSystemFormModal.js';
import { categoryLabel } from './managed-system-category.js';

/** The systems you administer for the client: each needs its credential handed over at the end. */
export function ManagedSystemsSection({ client }: { client: TClientDetail }) {
  return (
    <ClientRecordSection
      client={client}
      kind="managed-systems"
      records={client.managedSystems}
      title="Managed systems"
      description="Every system listed here gets an administration credential on a closeout's hand-over list."
      addLabel="Add managed system"
      empty={{
        title: 'No managed systems yet',
        text: 'Add the domains, tenants, firewalls and consoles you administer, so no credential is forgotten at hand-over.',
      }}
      columns={COLUMNS}
      minWidth={600}
      form={(system, onClose) => (
        <ManagedSystemFormModal clientId={client.id} system={system} onClose={onClose} />
      )}
      removal={{
        title: 'Remove the managed system',
        note: "A closeout's hand-over will no longer list a credential for it.",
      }}
    />
  );
}

const COLUMNS: Column<TManagedSystem>[] = [
  {
    header: 'System',
    cell: (system) => (
      <Text size="sm" fw={600}>
        {system.name}
      </Text>
    ),
  },
  {
    header: 'Category',
    cell: (system) => (
      <Badge variant="default" size="sm">
        {categoryLabel(system.category)}
      </Badge>
    ),
  },
  {
    header: 'Description',
    cell: (system) => (
      <Text size="sm" c={system.description === '' ? 'dimmed' : undefined} lineClamp={2}>
        {system.description === '' ? '—' : system.description}
      </Text>
    ),
  },
];
