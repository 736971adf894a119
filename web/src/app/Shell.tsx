import {
  AppShell,
  Avatar,
  Burger,
  Button,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBuildingStore,
  IconChecklist,
  IconGauge,
  IconLogout,
  IconPlus,
  IconRoute,
  IconSettings,
  IconUserCircle,
} from '@tabler/icons-react';
import { Suspense, useEffect } from 'react';
import {
  Link,
  Navigate,
  Outlet,
  NavLink as RouterNavLink,
  useLocation,
  useNavigate,
} from 'react-router';
import { roleLabel } from '../../../src/server/auth/permissions.js';
import { useCan, useSignedInUser, useSignOut } from '../api/session.js';
import { ChangePasswordModal } from '../auth/ChangePasswordModal.js';
import { ColorSchemeToggle } from '../components/ColorSchemeToggle.js';
import { Logo } from '../components/Logo.js';
import { LoadingState } from '../components/QueryState.js';

const NAVIGATION = [
  { to: '/', label: 'Dashboard', icon: IconGauge, end: true },
  { to: '/closeouts', label: 'Closeouts', icon: IconChecklist, end: false },
  { to: '/clients', label: 'Clients', icon: IconBuildingStore, end: false },
  { to: '/process', label: 'Process', icon: IconRoute, end: false },
  { to: '/settings', label: 'Settings', icon: IconSettings, end: false },
] as const;

/** The signed-in frame: navigation, the organisation, the colour scheme and who is signed in. */
export function Shell() {
  const [navigationOpen, navigation] = useDisclosure(false);
  const location = useLocation();
  const canOpen = useCan('closeout.open');
  const canSetUp = useCan('settings.manage');
  const { organisation } = useSignedInUser();

  // On a phone the navigation closes once the user has gone somewhere.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of page.
  useEffect(() => navigation.close(), [location.pathname]);

  // A new installation is first made the MSP's own by its administrator.
  if (canSetUp && !organisation.setupCompleted) return <Navigate to="/setup" replace />;

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !navigationOpen } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navigationOpen}
              onClick={navigation.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <OrganisationMark />
          </Group>
          <Group gap="xs" wrap="nowrap">
            {canOpen && (
              <Button
                component={Link}
                to="/closeouts/new"
                size="xs"
                leftSection={<IconPlus size={16} />}
                visibleFrom="xs"
              >
                New closeout
              </Button>
            )}
            <ColorSchemeToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        <ScrollArea>
          <Stack gap={2}>
            {NAVIGATION.map((item) => (
              <NavLink
                key={item.to}
                component={RouterNavLink}
                to={item.to}
                end={item.end}
                label={item.label}
                leftSection={<item.icon size={18} stroke={1.7} />}
                active={
                  item.end ? location.pathname === item.to : location.pathname.startsWith(item.to)
                }
              />
            ))}
          </Stack>
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

function OrganisationMark() {
  const user = useSignedInUser();
  return (
    <UnstyledButton component={Link} to="/">
      <Group gap="xs" wrap="nowrap">
        <Logo size={28} />
        <Stack gap={0}>
          <Text fw={700} size="sm" lh={1.2}>
            {user.organisation.personalisation.organisationName}
          </Text>
          <Text size="xs" c="dimmed" lh={1.2}>
            Closeout
          </Text>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}

function UserMenu() {
  const user = useSignedInUser();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [passwordOpen, password] = useDisclosure(false);
  const roleNames = user.organisation.personalisation.roleNames;
  const initials = user.name
    .split(/\s+/)
    .map((part) => part.charAt(0))
    .join('')
    .slice(0, 2)
    .toUpperCase();
  return (
    <>
      <Menu position="bottom-end" width={260} withArrow>
        <Menu.Target>
          <UnstyledButton aria-label={`${initials}: account menu of ${user.name}`}>
            <Avatar color="brand" radius="xl" size={34}>
              {initials}
            </Avatar>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            <Text size="sm" fw={600} c="var(--mantine-color-text)">
              {user.name}
            </Text>
            <Text size="xs">{user.email}</Text>
            <Text size="xs">{user.roles.map((role) => roleLabel(role, roleNames)).join(', ')}</Text>
          </Menu.Label>
          <Menu.Divider />
          <Menu.Item leftSection={<IconUserCircle size={16} />} onClick={password.open}>
            Change password
          </Menu.Item>
          <Menu.Item
            leftSection={<IconLogout size={16} />}
            onClick={() =>
              signOut.mutate(undefined, { onSettled: () => void navigate('/sign-in') })
            }
          >
            Sign out
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={passwordOpen} onClose={password.close} />
    </>
  );
}
