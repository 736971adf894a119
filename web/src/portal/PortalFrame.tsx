import {
  ActionIcon,
  Box,
  Button,
  Container,
  Group,
  Image,
  MantineProvider,
  Stack,
  Text,
} from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { Suspense, useMemo } from 'react';
import { Outlet, useNavigate } from 'react-router';
import type { TPortalBranding } from '../../../src/server/portal/schema.js';
import { usePortalMe, usePortalSignOut } from '../api/portal.js';
import { colorSchemeManager, DEFAULT_BRAND_COLOR, themeFor } from '../app/theme.js';
import { ColorSchemeToggle } from '../components/ColorSchemeToggle.js';
import { CloseoutMark } from '../components/Logo.js';
import { LoadingState } from '../components/QueryState.js';

/**
 * The client portal's frame: the MSP's logo, name and colour (from the portal's own API once
 * signed in), light or dark like the staff app, and no staff navigation. The theme is provided
 * again here because the staff app's follows the staff session, which a client never has.
 */
export function PortalFrame() {
  const me = usePortalMe();
  const branding = me.data?.organisation ?? null;
  const theme = useMemo(
    () => themeFor(branding?.primaryColor ?? DEFAULT_BRAND_COLOR),
    [branding?.primaryColor],
  );
  return (
    <MantineProvider
      theme={theme}
      defaultColorScheme="auto"
      colorSchemeManager={colorSchemeManager}
    >
      <Box mih="100vh" bg="var(--mantine-color-body)">
        <Box
          component="header"
          px="md"
          py="sm"
          style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
        >
          <Container size="md" px={0}>
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <OrganisationMark branding={branding} clientName={me.data?.client.name ?? null} />
              <Group gap="xs" wrap="nowrap">
                <ColorSchemeToggle />
                {me.data !== null && me.data !== undefined && <SignOutButton />}
              </Group>
            </Group>
          </Container>
        </Box>
        <Container size="md" px="md" py="lg" component="main">
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </Container>
      </Box>
    </MantineProvider>
  );
}

function OrganisationMark({
  branding,
  clientName,
}: {
  branding: TPortalBranding | null;
  clientName: string | null;
}) {
  return (
    <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
      {branding?.logo ? (
        <Image
          src={branding.logo}
          alt={`${branding.organisationName} logo`}
          h={32}
          w="auto"
          fit="contain"
        />
      ) : (
        <CloseoutMark size={32} label="Client portal" />
      )}
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text fw={700} size="sm" lh={1.2} truncate>
          {branding?.organisationName ?? 'Client portal'}
        </Text>
        {branding !== null && (
          <Text size="xs" c="dimmed" lh={1.2} truncate>
            {clientName === null ? 'Client portal' : `Client portal · ${clientName}`}
          </Text>
        )}
      </Stack>
    </Group>
  );
}

function SignOutButton() {
  const signOut = usePortalSignOut();
  const navigate = useNavigate();
  const onClick = () =>
    signOut.mutate(undefined, {
      onSettled: () => void navigate('/portal/sign-in', { replace: true }),
    });
  return (
    <>
      <Button
        variant="default"
        size="sm"
        leftSection={<IconLogout size={16} />}
        loading={signOut.isPending}
        onClick={onClick}
        visibleFrom="xs"
      >
        Sign out
      </Button>
      {/* On a phone the organisation's name needs the room. */}
      <ActionIcon
        variant="default"
        size="lg"
        aria-label="Sign out"
        loading={signOut.isPending}
        onClick={onClick}
        hiddenFrom="xs"
      >
        <IconLogout size={18} />
      </ActionIcon>
    </>
  );
}
