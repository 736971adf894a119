import { Button, Container, Stack } from '@mantine/core';
import { useRouteError } from 'react-router';
import { ErrorState } from '../components/QueryState.js';

/** A screen that failed to load or crashed: say so, keep the way back. */
export function RouteError() {
  const error = useRouteError();
  return (
    <Container size="sm" py="xl">
      <Stack>
        <ErrorState error={error} onRetry={() => window.location.reload()} />
        <Button component="a" href="/" variant="default" w="fit-content">
          Back to the dashboard
        </Button>
      </Stack>
    </Container>
  );
}
