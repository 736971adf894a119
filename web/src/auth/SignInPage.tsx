import {
  Anchor,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { type TSignInRequest, ZSignInRequest } from '../../../src/server/auth/schema.js';
import { useSession, useSignIn } from '../api/session.js';
import { Logo } from '../components/Logo.js';
import { useDocumentTitle } from '../components/PageHeader.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { applyProblem, zodValidate } from '../forms/zod-form.js';

/** Where to go after signing in: only a path of this app, never another site. */
const safeNext = (next: string | null): string =>
  next?.startsWith('/') && !next.startsWith('//') ? next : '/';

export function SignInPage() {
  useDocumentTitle('Sign in');
  const session = useSession();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [formError, setFormError] = useState<unknown>(null);
  const form = useForm<TSignInRequest>({
    mode: 'uncontrolled',
    initialValues: { email: '', password: '' },
    validate: zodValidate(ZSignInRequest),
  });
  const next = safeNext(searchParams.get('next'));

  if (session.data !== null && session.data !== undefined && !signIn.isPending) {
    return <Navigate to={next} replace />;
  }

  const submit = form.onSubmit((credentials) => {
    setFormError(null);
    signIn.mutate(credentials, {
      onSuccess: () => void navigate(next, { replace: true }),
      onError: (error) => {
        if (applyProblem(form, error) !== null) setFormError(error);
      },
    });
  });

  return (
    <Center mih="100vh" p="md" component="main">
      <Stack w="100%" maw={400} gap="lg">
        <Stack align="center" gap={6}>
          <Logo size={40} />
          <Title order={1} fz={24}>
            Sign in to Closeout
          </Title>
          <Text c="dimmed" size="sm" ta="center">
            Retain the client if you can; otherwise end it cleanly.
          </Text>
        </Stack>
        <Paper withBorder p="xl" radius="md" component="form" onSubmit={submit} noValidate>
          <Stack>
            <ProblemAlert error={formError} title="Not signed in" />
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              required
              data-autofocus
              autoFocus
              key={form.key('email')}
              {...form.getInputProps('email')}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              key={form.key('password')}
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={signIn.isPending} fullWidth>
              Sign in
            </Button>
          </Stack>
        </Paper>
        <Text c="dimmed" size="xs" ta="center">
          First start? The administrator&apos;s email and password were printed where the server was
          started. Lost it? Run <code>npm run closeout -- user reset-password</code>.{' '}
          <Anchor href="/api/docs" size="xs" underline="always">
            API reference
          </Anchor>
        </Text>
      </Stack>
    </Center>
  );
}
