import {
  Button,
  Center,
  ColorInput,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Stepper,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { can } from '../../../../src/server/auth/permissions.js';
import { PASSWORD_MIN_LENGTH } from '../../../../src/server/auth/schema.js';
import { type TSetupRequest, ZSetupRequest } from '../../../../src/server/setup/schema.js';
import { ApiProblem } from '../../api/http.js';
import { useCompleteSetup } from '../../api/organisation.js';
import { useSession } from '../../api/session.js';
import { Logo } from '../../components/Logo.js';
import { useDocumentTitle } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ErrorState, LoadingState } from '../../components/QueryState.js';
import { applyProblem, zodValidate } from '../../forms/zod-form.js';
import { BRAND_SWATCHES, brandFill } from '../settings/brand-colour.js';

const ORGANISATION_FIELDS = ['organisation.name', 'organisation.primaryColor'] as const;
const ACCOUNT_FIELDS = ['administrator.name', 'administrator.email', 'administrator.password'];

/**
 * The first run: the administrator names the organisation, picks its colour and makes the
 * printed sign-in their own. Only for an administrator of an organisation not yet set up.
 */
export function SetupPage() {
  useDocumentTitle('Welcome');
  const session = useSession();
  const [finished, setFinished] = useState(false);

  if (session.isPending) return <LoadingState label="Signing you in…" />;
  if (session.error !== null) {
    return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  }
  if (session.data === null) return <Navigate to="/sign-in?next=%2Fsetup" replace />;
  const isAdministrator = can(session.data.roles, 'settings.manage');
  if (!finished && (!isAdministrator || session.data.organisation.setupCompleted)) {
    return <Navigate to="/" replace />;
  }

  return (
    <Center mih="100vh" p="md" component="main">
      <Stack w="100%" maw={640} gap="lg">
        <Stack align="center" gap={6}>
          <Logo size={40} />
          <Title order={1} fz={26} ta="center">
            Welcome to Closeout
          </Title>
          <Text c="dimmed" size="sm" ta="center">
            Two short steps make it yours. You can change all of it later in Settings.
          </Text>
        </Stack>
        <SetupWizard
          initialColor={session.data.organisation.personalisation.primaryColor}
          onFinished={() => setFinished(true)}
        />
      </Stack>
    </Center>
  );
}

function SetupWizard({
  initialColor,
  onFinished,
}: {
  initialColor: string;
  onFinished: () => void;
}) {
  const navigate = useNavigate();
  const complete = useCompleteSetup();
  const [active, setActive] = useState(0);
  const [formError, setFormError] = useState<unknown>(null);
  const form = useForm<TSetupRequest>({
    initialValues: {
      organisation: { name: '', primaryColor: initialColor },
      administrator: { name: '', email: '', password: '' },
    },
    validate: zodValidate(ZSetupRequest),
  });

  const stepValid = (fields: readonly string[]) =>
    fields.map((field) => form.validateField(field).hasError).every((hasError) => !hasError);

  const finish = () => {
    if (!stepValid(ACCOUNT_FIELDS)) return;
    setFormError(null);
    complete.mutate(form.getValues(), {
      onSuccess: () => {
        onFinished();
        setActive(3);
      },
      onError: (error) => {
        if (applyProblem(form, error) !== null) setFormError(error);
        const field = error instanceof ApiProblem ? error.problem.field : undefined;
        if (field?.startsWith('organisation.') === true) setActive(0);
      },
    });
  };

  const color = brandFill(form.values.organisation.primaryColor, initialColor);

  return (
    <Paper withBorder radius="md" p="xl">
      <Stepper
        active={active}
        color={color}
        size="sm"
        allowNextStepsSelect={false}
        onStepClick={(step) => {
          if (active < 3) setActive(step);
        }}
      >
        <Stepper.Step label="Your organisation" description="Name and colour">
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (stepValid(ORGANISATION_FIELDS)) setActive(1);
            }}
          >
            <Stack mt="lg">
              <TextInput
                label="Organisation name"
                description="As your staff and clients know you."
                placeholder="e.g. Northwind Managed IT"
                required
                data-autofocus
                autoFocus
                {...form.getInputProps('organisation.name')}
              />
              <ColorInput
                label="Brand colour"
                description="Buttons, links and highlights take this colour."
                format="hex"
                swatches={BRAND_SWATCHES}
                swatchesPerRow={8}
                required
                {...form.getInputProps('organisation.primaryColor')}
              />
              <Group justify="flex-end">
                <Button type="submit" color={color}>
                  Next
                </Button>
              </Group>
            </Stack>
          </form>
        </Stepper.Step>
        <Stepper.Step label="Your account" description="Your own sign-in">
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              finish();
            }}
          >
            <Stack mt="lg">
              <Text size="sm" c="dimmed">
                Replace the administrator account that was printed at the first start with your own.
              </Text>
              <ProblemAlert error={formError} title="The setup was not saved" />
              <TextInput
                label="Your name"
                autoComplete="name"
                required
                autoFocus
                {...form.getInputProps('administrator.name')}
              />
              <TextInput
                label="Your email"
                description="You sign in with it from now on."
                type="email"
                autoComplete="email"
                required
                {...form.getInputProps('administrator.email')}
              />
              <PasswordInput
                label="New password"
                description={`At least ${PASSWORD_MIN_LENGTH} characters; a phrase is easiest to remember.`}
                autoComplete="new-password"
                required
                {...form.getInputProps('administrator.password')}
              />
              <Group justify="space-between">
                <Button variant="default" onClick={() => setActive(0)}>
                  Back
                </Button>
                <Button type="submit" color={color} loading={complete.isPending}>
                  Finish setup
                </Button>
              </Group>
            </Stack>
          </form>
        </Stepper.Step>
        <Stepper.Step label="Done" description="Start working" />
        <Stepper.Completed>
          <Stack align="center" gap="sm" mt="lg" ta="center">
            <ThemeIcon size={48} radius="xl" color={color}>
              <IconCheck size={26} />
            </ThemeIcon>
            <Title order={2} fz="lg">
              {form.values.organisation.name.trim()} is ready
            </Title>
            <Text size="sm" c="dimmed" maw={420}>
              Next: add your colleagues and their roles in Settings, or open your first closeout
              when a client gives notice.
            </Text>
            <Button
              color={color}
              mt="xs"
              autoFocus
              onClick={() => void navigate('/', { replace: true })}
            >
              Go to the dashboard
            </Button>
          </Stack>
        </Stepper.Completed>
      </Stepper>
    </Paper>
  );
}
