import { Button, Container, Stack } from '@mantine/core';
import { useRouteError } from 'react-router';
import { ErrorState } from '../components/QueryState.js';

/** A portal screen that failed to load or crashed: say so, and keep the way back to the portal. */
export function PortalRouteError() {
  const error = useRouteError();
  return (
    <Container size="sm" py="xl">
      <Stack>
        <ErrorState error={error} onRetry={() => window.location.reload()} />
        <Button component="a" href="/portal" variant="default" w="fit-content">
          Back to the portal
        </Button>
      </Stack>
    </Container>
  );
}
