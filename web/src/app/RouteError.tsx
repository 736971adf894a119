import { Button, Container, Stack } from '@mantine/core';
import { useRouteError } from 'react-router';
import { ErrorState } from '../components/QueryState.js';

/**
 * A screen that failed to load or crashed: say so, keep the way back (to the dashboard, or in
 * the client portal to the portal).
 */
export function RouteError({
  home = '/',
  homeLabel = 'Back to the dashboard',
}: {
  home?: string;
  homeLabel?: string;
}) {
  const error = useRouteError();
  return (
    <Container size="sm" py="xl">
      <Stack>
        <ErrorState error={error} onRetry={() => window.location.reload()} />
        <Button component="a" href={home} variant="default" w="fit-content">
          {homeLabel}
        </Button>
      </Stack>
    </Container>
  );
}
