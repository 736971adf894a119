import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { IconLinkOff } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiProblem, errorMessage } from '../api/http.js';
import { usePortalSignIn } from '../api/portal.js';
import { useDocumentTitle } from '../components/PageHeader.js';
import { LoadingState } from '../components/QueryState.js';

/** `/portal/sign-in/:token`: the emailed link's own address. */
export function PortalLinkLandingPage() {
  const { token = '' } = useParams();
  return <PortalLinkLanding token={token} />;
}

/**
 * Consumes the emailed link once and goes to the portal. A link works once, for a quarter of an
 * hour: a used or expired one is explained, with the way to a new one.
 */
export function PortalLinkLanding({ token }: { token: string }) {
  useDocumentTitle('Client portal: signing in');
  const signIn = usePortalSignIn();
  const navigate = useNavigate();
  // The link is single use: it is sent once even when React runs the effect twice.
  const sent = useRef(false);
  const { mutate } = signIn;

  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    mutate({ token }, { onSuccess: () => void navigate('/portal', { replace: true }) });
  }, [mutate, navigate, token]);

  if (signIn.error === null) return <LoadingState label="Signing you in…" />;
  const refused = signIn.error instanceof ApiProblem && signIn.error.status < 500;
  return (
    <Stack maw={480} mx="auto" mt="xl" gap="lg">
      <Title order={1} fz={24}>
        {refused ? 'This sign-in link no longer works' : 'You could not be signed in'}
      </Title>
      <Alert color="yellow" variant="light" icon={<IconLinkOff size={18} />} role="alert">
        <Text size="sm">{errorMessage(signIn.error)}</Text>
      </Alert>
      <Button component={Link} to="/portal/sign-in" replace w="fit-content">
        Email me a new link
      </Button>
    </Stack>
  );
}
