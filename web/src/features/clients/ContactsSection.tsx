import { Anchor, Badge, Group, Text } from '@mantine/core';
import type { TClientDetail, TContact } from '../../../../src/server/clients/schema.js';
import type { Column } from '../../components/DataTable.js';
import { ClientRecordSection } from './ClientRecordSection.js';
import { ContactFormModal } from './ContactFormModal.js';

/** The people at the client: who decides, and who takes over the systems. */
export function ContactsSection({ client }: { client: TClientDetail }) {
  return (
    <ClientRecordSection
      client={client}
      kind="contacts"
      records={client.contacts}
      title="Contacts"
      description="The decision maker signs off a closeout; the technical contact receives the hand-over."
      addLabel="Add contact"
      empty={{
        title: 'No contacts yet',
        text: `Add the people you deal with at ${client.name}.`,
      }}
      columns={COLUMNS}
      minWidth={680}
      form={(contact, onClose) => (
        <ContactFormModal clientId={client.id} contact={contact} onClose={onClose} />
      )}
      removal={{ title: 'Remove the contact' }}
    />
  );
}

const COLUMNS: Column<TContact>[] = [
  {
    header: 'Name',
    cell: (contact) => (
      <>
        <Text size="sm" fw={600}>
          {contact.name}
        </Text>
        {contact.title !== '' && (
          <Text size="xs" c="dimmed">
            {contact.title}
          </Text>
        )}
      </>
    ),
  },
  { header: 'Email', cell: (contact) => <ContactLink scheme="mailto" address={contact.email} /> },
  { header: 'Phone', cell: (contact) => <ContactLink scheme="tel" address={contact.phone} /> },
  {
    header: 'Role',
    cell: (contact) => (
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
    ),
  },
];

/** An email address or phone number to use straight away, or a dash when there is none. */
function ContactLink({ scheme, address }: { scheme: 'mailto' | 'tel'; address: string | null }) {
  if (address === null) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Anchor href={`${scheme}:${address}`} size="sm">
      {address}
    </Anchor>
  );
}
