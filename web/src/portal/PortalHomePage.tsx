import { Anchor, Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link, Navigate, useParams } from 'react-router';
import type { TPortalCloseout } from '../../../src/server/portal/schema.js';
import { ApiProblem } from '../api/http.js';
import { usePortalCloseout, usePortalCloseouts } from '../api/portal.js';
import { useDocumentTitle } from '../components/PageHeader.js';
import { EmptyState, ErrorState, LoadingState } from '../components/QueryState.js';
import { formatMoment } from '../format.js';
import { STATUS_LABELS } from '../labels.js';
import { BackupSection } from './home/BackupSection.js';
import { CredentialsSection } from './home/CredentialsSection.js';
import { MeetingSection } from './home/MeetingSection.js';
import { ResponsibilitySection } from './home/ResponsibilitySection.js';
import { TicketsSection } from './home/TicketsSection.js';
import { TimelineSection } from './home/TimelineSection.js';
import { RequirePortalSession } from './RequirePortalSession.js';

const STATUS_COLORS: Record<TPortalCloseout['status'], string> = {
  open: 'blue',
  retained: 'teal',
  withdrawn: 'gray',
  terminated: 'gray',
};

/** The home page behind the portal's sign-in. */
export function PortalHome() {
  return (
    <RequirePortalSession>
      <PortalHomePage />
    </RequirePortalSession>
  );
}

/**
 * `/portal` and `/portal/closeouts/:closeoutId`: the client's closeout, with everything its
 * side of the process asks of it — agreeing the tickets, receiving the credentials and the
 * backup, signing the transfer of responsibility.
 */
export function PortalHomePage() {
  const { closeoutId } = useParams();
  const closeout = usePortalCloseout(closeoutId);
  useDocumentTitle('Client portal');

  if (closeout.isPending) return <LoadingState label="Loading your closeout…" />;
  if (closeout.data === undefined) {
    if (closeout.error instanceof ApiProblem && closeout.error.status === 401) {
      return <Navigate to="/portal/sign-in" replace />;
    }
    if (closeout.error instanceof ApiProblem && closeout.error.status === 404) {
      return (
        <EmptyState title="Nothing to do here yet">
          {closeoutId === undefined
            ? 'Your provider has no closeout under way with you. When there is one, it shows here.'
            : 'This closeout does not exist, or it is not one of yours.'}
        </EmptyState>
      );
    }
    return <ErrorState error={closeout.error} onRetry={() => void closeout.refetch()} />;
  }
  return <CloseoutView closeout={closeout.data} />;
}

function CloseoutView({ closeout }: { closeout: TPortalCloseout }) {
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Group gap="sm" wrap="wrap">
          <Title order={1} fz={26}>
            Closeout {closeout.reference}
          </Title>
          <Badge color={STATUS_COLORS[closeout.status]} variant="light" size="lg" tt="none">
            {STATUS_LABELS[closeout.status]}
          </Badge>
        </Group>
        <Text c="dimmed" size="sm">
          {closeout.status === 'open'
            ? `${closeout.client.name} · now at ${closeout.stage.code} ${closeout.stage.name}`
            : `${closeout.client.name} · ended ${formatMoment(closeout.endedAt)}`}
        </Text>
      </Stack>
      <TimelineSection closeout={closeout} />
      <MeetingSection closeout={closeout} />
      <TicketsSection closeout={closeout} />
      <CredentialsSection closeout={closeout} />
      <BackupSection closeout={closeout} />
      <ResponsibilitySection closeout={closeout} />
      <OtherCloseouts current={closeout.id} />
    </Stack>
  );
}

/** A client that left and came back has more than one closeout: the others, to look back at. */
function OtherCloseouts({ current }: { current: string }) {
  const list = usePortalCloseouts();
  const others = list.data?.items.filter((item) => item.id !== current) ?? [];
  if (others.length === 0) return null;
  return (
    <Stack gap="xs" component="nav" aria-label="Other closeouts">
      <Title order={2} fz="md">
        Other closeouts
      </Title>
      <List spacing={4}>
        {others.map((item) => (
          <List.Item key={item.id}>
            <Anchor component={Link} to={`/portal/closeouts/${item.id}`} underline="always">
              {item.reference}
            </Anchor>{' '}
            <Text span size="sm" c="dimmed">
              {STATUS_LABELS[item.status]} · opened {formatMoment(item.openedAt)}
            </Text>
          </List.Item>
        ))}
      </List>
      <Button component={Link} to="/portal" variant="subtle" w="fit-content" px={0}>
        The current closeout
      </Button>
    </Stack>
  );
}
