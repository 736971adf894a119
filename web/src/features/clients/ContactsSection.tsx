import { Anchor, Badge, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { TClientDetail, TContact } from '../../../../src/server/clients/schema.js';
import { useCan } from '../../api/session.js';
import { EmptyState } from '../../components/QueryState.js';
import { ContactFormModal } from './ContactFormModal.js';
import { PermittedButton } from './PermittedButton.js';
import { RecordActions } from './RecordActions.js';
import { RemoveRecordModal } from './RemoveRecordModal.js';
import { SectionHeader } from './SectionHeader.js';

/** The people at the client: who decides, and who takes over the systems. */
export function ContactsSection({ client }: { client: TClientDetail }) {
  const canManage = useCan('client.manage');
  const [editing, setEditing] = useState<TContact | 'new' | null>(null);
  const [removing, setRemoving] = useState<TContact | null>(null);
  const add = (
    <PermittedButton
      permission="client.manage"
      variant="light"
      leftSection={<IconPlus size={16} />}
      onClick={() => setEditing('new')}
    >
      Add contact
    </PermittedButton>
  );
  return (
    <>
      <SectionHeader
        title="Contacts"
        description="The decision maker signs off a closeout; the technical contact receives the hand-over."
        action={client.contacts.length > 0 ? add : undefined}
      />
      {client.contacts.length === 0 ? (
        <EmptyState title="No contacts yet" action={add}>
          Add the people you deal with at {client.name}.
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={680}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Phone</Table.Th>
                <Table.Th>Role</Table.Th>
                {canManage && (
                  <Table.Th w={48}>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {client.contacts.map((contact) => (
                <Table.Tr key={contact.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {contact.name}
                    </Text>
                    {contact.title !== '' && (
                      <Text size="xs" c="dimmed">
                        {contact.title}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {contact.email === null ? (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    ) : (
                      <Anchor href={`mailto:${contact.email}`} size="sm">
                        {contact.email}
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {contact.phone === null ? (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    ) : (
                      <Anchor href={`tel:${contact.phone}`} size="sm">
                        {contact.phone}
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {contact.isDecisionMaker && (
                        <Badge variant="light" color="grape" size="sm">
                          Decision maker
                        </Badge>
                      )}
                      {contact.isTechnicalContact && (
                        <Badge variant="light" color="cyan" size="sm">
                          Technical
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      <RecordActions
                        name={contact.name}
                        onEdit={() => setEditing(contact)}
                        onRemove={() => setRemoving(contact)}
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
        <ContactFormModal
          clientId={client.id}
          contact={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {removing !== null && (
        <RemoveRecordModal
          clientId={client.id}
          kind="contacts"
          record={removing}
          title="Remove the contact"
          onClose={() => setRemoving(null)}
        />
      )}
    </>
  );
}
