import { Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { TClientDetail, TManagedSystem } from '../../../../src/server/clients/schema.js';
import { useCan } from '../../api/session.js';
import { EmptyState } from '../../components/QueryState.js';
import { ManagedSystemFormModal } from './ManagedSystemFormModal.js';
import { categoryLabel } from './managed-system-category.js';
import { PermittedButton } from './PermittedButton.js';
import { RecordActions } from './RecordActions.js';
import { RemoveRecordModal } from './RemoveRecordModal.js';
import { SectionHeader } from './SectionHeader.js';

/** The systems you administer for the client: each needs its credential handed over at the end. */
export function ManagedSystemsSection({ client }: { client: TClientDetail }) {
  const canManage = useCan('client.manage');
  const [editing, setEditing] = useState<TManagedSystem | 'new' | null>(null);
  const [removing, setRemoving] = useState<TManagedSystem | null>(null);
  const add = (
    <PermittedButton
      permission="client.manage"
      variant="light"
      leftSection={<IconPlus size={16} />}
      onClick={() => setEditing('new')}
    >
      Add managed system
    </PermittedButton>
  );
  return (
    <>
      <SectionHeader
        title="Managed systems"
        description="Every system listed here gets an administration credential on a closeout's hand-over list."
        action={client.managedSystems.length > 0 ? add : undefined}
      />
      {client.managedSystems.length === 0 ? (
        <EmptyState title="No managed systems yet" action={add}>
          Add the domains, tenants, firewalls and consoles you administer, so no credential is
          forgotten at hand-over.
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>System</Table.Th>
                <Table.Th>Category</Table.Th>
                <Table.Th>Description</Table.Th>
                {canManage && (
                  <Table.Th w={48}>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {client.managedSystems.map((system) => (
                <Table.Tr key={system.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {system.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="default" size="sm">
                      {categoryLabel(system.category)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text
                      size="sm"
                      c={system.description === '' ? 'dimmed' : undefined}
                      lineClamp={2}
                    >
                      {system.description === '' ? '—' : system.description}
                    </Text>
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      <RecordActions
                        name={system.name}
                        onEdit={() => setEditing(system)}
                        onRemove={() => setRemoving(system)}
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
        <ManagedSystemFormModal
          clientId={client.id}
          system={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {removing !== null && (
        <RemoveRecordModal
          clientId={client.id}
          kind="managed-systems"
          record={removing}
          title="Remove the managed system"
          onClose={() => setRemoving(null)}
        >
          <Text size="sm" c="dimmed">
            A closeout's hand-over will no longer list a credential for it.
          </Text>
        </RemoveRecordModal>
      )}
    </>
  );
}
