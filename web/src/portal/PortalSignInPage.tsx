import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import {
  PORTAL_SIGN_IN_LINK_MINUTES,
  type TRequestSignInLinkRequest,
  type TSignInLinkRequested,
  ZRequestSignInLinkRequest,
} from '../../../src/server/portal/schema.js';
import { ApiProblem } from '../api/http.js';
import { usePortalMe, useRequestSignInLink } from '../api/portal.js';
import { useDocumentTitle } from '../components/PageHeader.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { applyProblem, zodValidate } from '../forms/zod-form.js';
import { PortalLinkLanding } from './PortalLinkLanding.js';

/**
 * `/portal/sign-in`: the client asks for a sign-in link by email. The answer is the same for
 * every address, so the page never tells whether someone is a portal user. With `?token=` it is
 * the emailed link's landing instead.
 */
export function PortalSignInPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token');
  if (token !== null && token !== '') return <PortalLinkLanding token={token} />;
  return <RequestLink />;
}

function RequestLink() {
  useDocumentTitle('Client portal: sign in');
  const me = usePortalMe();
  const request = useRequestSignInLink();
  const [sent, setSent] = useState<TSignInLinkRequested | null>(null);
  const [formError, setFormError] = useState<unknown>(null);
  const form = useForm<TRequestSignInLinkRequest>({
    mode: 'uncontrolled',
    initialValues: { email: '' },
    validate: zodValidate(ZRequestSignInLinkRequest),
  });

  if (me.data !== null && me.data !== undefined) return <Navigate to="/portal" replace />;

  const submit = form.onSubmit((values) => {
    setFormError(null);
    request.mutate(values, {
      onSuccess: setSent,
      onError: (error) => {
        if (applyProblem(form, error) !== null) setFormError(error);
      },
    });
  });
  const rateLimited = formError instanceof ApiProblem && formError.status === 429;

  return (
    <Stack maw={440} mx="auto" gap="lg" mt="xl">
      <Stack gap={6}>
        <Title order={1} fz={24}>
          Sign in to the client portal
        </Title>
        <Text c="dimmed" size="sm">
          We email you a link that signs you in. It works once, for {PORTAL_SIGN_IN_LINK_MINUTES}{' '}
          minutes.
        </Text>
      </Stack>
      {sent === null ? (
        <Paper withBorder p="xl" radius="md" component="form" onSubmit={submit} noValidate>
          <Stack>
            {rateLimited ? (
              <Alert color="yellow" variant="light" title="Please wait a little" role="alert">
                <Text size="sm">
                  Several links were asked for in a short time. Check your mail for the ones already
                  sent, or try again in a few minutes.
                </Text>
              </Alert>
            ) : (
              <ProblemAlert error={formError} title="No link was sent" />
            )}
            <TextInput
              label="Your email address"
              description="The address your provider invited."
              type="email"
              autoComplete="email"
              required
              autoFocus
              key={form.key('email')}
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={request.isPending} fullWidth>
              Email me a sign-in link
            </Button>
          </Stack>
        </Paper>
      ) : (
        <CheckYourMail sent={sent} onAgain={() => setSent(null)} />
      )}
    </Stack>
  );
}

function CheckYourMail({ sent, onAgain }: { sent: TSignInLinkRequested; onAgain: () => void }) {
  return (
    <Paper withBorder p="xl" radius="md" role="status" aria-live="polite">
      <Stack gap="sm" align="flex-start">
        <Group gap="sm">
          <IconMailCheck size={28} aria-hidden />
          <Title order={2} fz="lg">
            Check your mail
          </Title>
        </Group>
        <Text size="sm">{sent.message}</Text>
        <Text size="sm" c="dimmed">
          Nothing arrived? Look in the spam folder, or ask for another link.
        </Text>
        <Button variant="default" onClick={onAgain}>
          Ask for another link
        </Button>
      </Stack>
    </Paper>
  );
}
