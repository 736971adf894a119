import { ActionIcon, Badge, Button, Group, Menu, Table, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconDots,
  IconKey,
  IconPencil,
  IconPlayerPlay,
  IconUserOff,
  IconUserPlus,
} from '@tabler/icons-react';
import { useState } from 'react';
import { roleLabel } from '../../../../src/server/auth/permissions.js';
import type { TStaffRole } from '../../../../src/server/auth/schema.js';
import type { TUser } from '../../../../src/server/users/schema.js';
import { errorMessage } from '../../api/http.js';
import { useCan, useSignedInUser } from '../../api/session.js';
import { useStaffDirectory } from '../../api/staff.js';
import { useUpdateUser, useUsers } from '../../api/users.js';
import { EmptyState, QueryState } from '../../components/QueryState.js';
import { formatMoment } from '../../format.js';
import { SectionHeader } from './SectionHeader.js';
import {
  CreateUserModal,
  DeactivateUserModal,
  EditUserModal,
  ResetPasswordModal,
} from './UserModals.js';

export function UserSettings() {
  const canManage = useCan('users.manage');
  const [createOpen, create] = useDisclosure(false);
  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <SectionHeader
          title="Users and roles"
          description="Who can sign in, and what their roles let them do."
          readOnly={!canManage}
          readOnlyMessage="Only an administrator can add users, change roles or reset passwords. These are your active colleagues."
        />
        {canManage && (
          <Button leftSection={<IconUserPlus size={16} />} onClick={create.open}>
            Add user
          </Button>
        )}
      </Group>
      {canManage ? <UserTable /> : <StaffDirectoryTable />}
      {canManage && <CreateUserModal opened={createOpen} onClose={create.close} />}
    </>
  );
}

function RoleBadges({ roles }: { roles: TStaffRole[] }) {
  const { roleNames } = useSignedInUser().organisation.personalisation;
  return (
    <Group gap={4}>
      {roles.map((role) => (
        <Badge key={role} variant="light" color={role === 'admin' ? 'grape' : 'gray'} size="sm">
          {roleLabel(role, roleNames)}
        </Badge>
      ))}
    </Group>
  );
}

type Dialog = { kind: 'edit' | 'password' | 'deactivate'; user: TUser } | null;

function UserTable() {
  const users = useUsers();
  const signedIn = useSignedInUser();
  const update = useUpdateUser();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  const reactivate = (user: TUser) =>
    update.mutate(
      { userId: user.id, changes: { active: true } },
      {
        onSuccess: () =>
          notifications.show({ color: 'teal', message: `${user.name} can sign in again.` }),
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
      },
    );

  return (
    <QueryState
      query={users}
      loadingLabel="Loading the users…"
      isEmpty={(list) => list.users.length === 0}
      empty={<EmptyState title="No users yet">Add the first one with “Add user”.</EmptyState>}
    >
      {({ users: list }) => (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" highlightOnHover aria-label="Users">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Roles</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Last signed in</Table.Th>
                  <Table.Th w={48}>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((user) => {
                  const isSelf = user.id === signedIn.id;
                  return (
                    <Table.Tr key={user.id} opacity={user.active ? 1 : 0.65}>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Text size="sm" fw={500}>
                            {user.name}
                          </Text>
                          {isSelf && (
                            <Badge size="xs" variant="outline">
                              You
                            </Badge>
                          )}
                        </Group>
                        <Text size="xs" c="dimmed">
                          {user.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <RoleBadges roles={user.roles} />
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="dot" color={user.active ? 'teal' : 'gray'} size="sm">
                          {user.active ? 'Active' : 'Deactivated'}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c={user.lastSignInAt === null ? 'dimmed' : undefined}>
                          {user.lastSignInAt === null ? 'Never' : formatMoment(user.lastSignInAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={`Actions for ${user.name}`}
                            >
                              <IconDots size={18} />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item
                              leftSection={<IconPencil size={16} />}
                              onClick={() => setDialog({ kind: 'edit', user })}
                            >
                              Edit name and roles
                            </Menu.Item>
                            <Menu.Item
                              leftSection={<IconKey size={16} />}
                              onClick={() => setDialog({ kind: 'password', user })}
                            >
                              Set a new password
                            </Menu.Item>
                            <Menu.Divider />
                            {user.active ? (
                              <Menu.Item
                                color="red"
                                leftSection={<IconUserOff size={16} />}
                                disabled={isSelf}
                                onClick={() => setDialog({ kind: 'deactivate', user })}
                              >
                                {isSelf ? 'You cannot deactivate yourself' : 'Deactivate'}
                              </Menu.Item>
                            ) : (
                              <Menu.Item
                                leftSection={<IconPlayerPlay size={16} />}
                                onClick={() => reactivate(user)}
                              >
                                Reactivate
                              </Menu.Item>
                            )}
                          </Menu.Dropdown>
                        </Menu>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {dialog?.kind === 'edit' && <EditUserModal user={dialog.user} onClose={close} />}
          {dialog?.kind === 'password' && <ResetPasswordModal user={dialog.user} onClose={close} />}
          {dialog?.kind === 'deactivate' && (
            <DeactivateUserModal user={dialog.user} onClose={close} />
          )}
        </>
      )}
    </QueryState>
  );
}

/** What every colleague may see: the active staff and their roles. */
function StaffDirectoryTable() {
  const directory = useStaffDirectory();
  return (
    <QueryState
      query={directory}
      loadingLabel="Loading your colleagues…"
      isEmpty={(list) => list.users.length === 0}
      empty={<EmptyState title="No active colleagues" />}
    >
      {({ users }) => (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing="sm" aria-label="Colleagues">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Roles</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {user.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <RoleBadges roles={user.roles} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </QueryState>
  );
}
