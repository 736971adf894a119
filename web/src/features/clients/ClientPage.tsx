import {
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Group,
  SimpleGrid,
  Spoiler,
  Stack,
  Tabs,
  Text,
} from '@mantine/core';
import { IconArrowBackUp, IconArrowRight, IconPencil } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TClientDetail } from '../../../../src/server/clients/schema.js';
import { useClient } from '../../api/clients.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useSearchParamState } from '../../components/use-search-param-state.js';
import { formatDay, formatMoney } from '../../format.js';
import { SOURCE_LABELS } from '../../labels.js';
import { AgreementsSection } from './AgreementsSection.js';
import { ClientFormModal } from './ClientFormModal.js';
import { ClientStatusBadge } from './ClientStatusBadge.js';
import { CloseoutHistorySection } from './CloseoutHistorySection.js';
import { ContactsSection } from './ContactsSection.js';
import { ManagedSystemsSection } from './ManagedSystemsSection.js';
import { PermittedButton } from './PermittedButton.js';
import { RecordReturnModal } from './RecordReturnModal.js';
import { TICKET_PAGE_PARAM, TicketsSection } from './TicketsSection.js';

const SECTIONS = [
  { value: 'agreements', label: 'Agreements', count: (client) => client.agreements.length },
  { value: 'contacts', label: 'Contacts', count: (client) => client.contacts.length },
  { value: 'systems', label: 'Managed systems', count: (client) => client.managedSystems.length },
  { value: 'tickets', label: 'Tickets', count: (client) => client.openTickets },
  { value: 'closeouts', label: 'Closeouts', count: (client) => client.closeouts.length },
] as const satisfies readonly {
  value: string;
  label: string;
  count: (client: TClientDetail) => number;
}[];

type Section = (typeof SECTIONS)[number]['value'];

const isSection = (value: string | null): value is Section =>
  SECTIONS.some((candidate) => candidate.value === value);

const SECTION_CONTENT: Record<Section, (props: { client: TClientDetail }) => ReactNode> = {
  agreements: AgreementsSection,
  contacts: ContactsSection,
  systems: ManagedSystemsSection,
  tickets: TicketsSection,
  closeouts: CloseoutHistorySection,
};

export function ClientPage() {
  const { clientId = '' } = useParams();
  const client = useClient(clientId);
  return (
    <QueryState query={client} loadingLabel="Loading the client…">
      {(data) => <ClientView client={data} />}
    </QueryState>
  );
}

function ClientView({ client }: { client: TClientDetail }) {
  const [editing, setEditing] = useState(false);
  const [recordingReturn, setRecordingReturn] = useState(false);
  return (
    <>
      <Breadcrumbs mb="xs" fz="sm">
        <Anchor component={Link} to="/clients">
          Clients
        </Anchor>
        <Text size="sm">{client.name}</Text>
      </Breadcrumbs>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {client.name}
            <ClientStatusBadge status={client.status} size="lg" />
          </Group>
        }
        documentTitle={client.name}
        description={[client.industry, `Client since ${formatDay(client.clientSince)}`]
          .filter((part) => part !== '')
          .join(' · ')}
        actions={
          <>
            <PermittedButton
              permission="client.manage"
              variant="default"
              leftSection={<IconPencil size={16} />}
              onClick={() => setEditing(true)}
            >
              Edit
            </PermittedButton>
            {client.status === 'former' && (
              <PermittedButton
                permission="client.record_return"
                leftSection={<IconArrowBackUp size={16} />}
                onClick={() => setRecordingReturn(true)}
              >
                Record a return
              </PermittedButton>
            )}
            {client.openCloseoutId !== null && (
              <Button
                component={Link}
                to={`/closeouts/${client.openCloseoutId}`}
                rightSection={<IconArrowRight size={16} />}
              >
                Go to the closeout
              </Button>
            )}
          </>
        }
      />
      <ClientFacts client={client} />
      <ClientSections client={client} />
      {editing && <ClientFormModal client={client} onClose={() => setEditing(false)} />}
      {recordingReturn && (
        <RecordReturnModal client={client} onClose={() => setRecordingReturn(false)} />
      )}
    </>
  );
}

/** The figures a closeout starts from, and where the record comes from. */
function ClientFacts({ client }: { client: TClientDetail }) {
  const activeAgreements = client.agreements.filter((agreement) => agreement.status === 'active');
  return (
    <Card withBorder mb="lg" padding="md">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="lg">
        <Fact label="Monthly recurring revenue">{formatMoney(client.monthlyRecurringRevenue)}</Fact>
        <Fact label="Active agreements">{activeAgreements.length}</Fact>
        <Fact label="Open tickets">{client.openTickets}</Fact>
        <Fact label="Source">
          {SOURCE_LABELS[client.source]}
          {client.externalId !== null && (
            <Text span size="sm" c="dimmed" ff="monospace">
              {' '}
              #{client.externalId}
            </Text>
          )}
        </Fact>
      </SimpleGrid>
      {client.notes !== '' && (
        <Stack gap={2} mt="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Notes
          </Text>
          <Spoiler maxHeight={66} showLabel="Show more" hideLabel="Show less">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {client.notes}
            </Text>
          </Spoiler>
        </Stack>
      )}
    </Card>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="lg" fw={600}>
        {children}
      </Text>
    </Stack>
  );
}

/** One tab per kind of record; the open tab is in the URL, so a link can point at it. */
function ClientSections({ client }: { client: TClientDetail }) {
  const [section, setSection] = useSearchParamState<Section>('tab', {
    parse: (value) => (isSection(value) ? value : undefined),
    fallback: 'agreements',
    resets: [TICKET_PAGE_PARAM],
  });
  return (
    <Tabs
      value={section}
      onChange={(value) => setSection(isSection(value) ? value : 'agreements')}
      keepMounted={false}
    >
      <Tabs.List mb="lg">
        {SECTIONS.map((candidate) => (
          <Tabs.Tab
            key={candidate.value}
            value={candidate.value}
            rightSection={
              <Text span size="xs" c="dimmed" fw={600}>
                {candidate.count(client)}
              </Text>
            }
          >
            {candidate.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {SECTIONS.map((candidate) => {
        const Content = SECTION_CONTENT[candidate.value];
        return (
          <Tabs.Panel key={candidate.value} value={candidate.value}>
            <Content client={client} />
          </Tabs.Panel>
        );
      })}
    </Tabs>
  );
}
