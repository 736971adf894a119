import { Badge, Button, Group, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
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
import { actionsColumn, DataTable } from '../../components/DataTable.js';
import { EmptyState, QueryState } from '../../components/QueryState.js';
import { RowActions } from '../../components/RowActions.js';
import { SectionHeader } from '../../components/SectionHeader.js';
import { formatMoment } from '../../format.js';
import { ReadOnlyNotice } from './ReadOnlyNotice.js';
import {
  CreateUserModal,
  DeactivateUserModal,
  EditUserModal,
  ResetPasswordModal,
} from './UserModals.js';

export function UserSettings() {
  const canManage = useCan('users.manage');
  const [creating, setCreating] = useState(false);
  return (
    <>
      <SectionHeader
        title="Users and roles"
        description="Who can sign in, and what their roles let them do."
        action={
          canManage && (
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => setCreating(true)}>
              Add user
            </Button>
          )
        }
      >
        {!canManage && (
          <ReadOnlyNotice>
            Only an administrator can add users, change roles or reset passwords. These are your
            active colleagues.
          </ReadOnlyNotice>
        )}
      </SectionHeader>
      {canManage ? <UserTable /> : <StaffDirectoryTable />}
      {creating && <CreateUserModal onClose={() => setCreating(false)} />}
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
          <DataTable
            rows={list}
            rowKey={(user) => user.id}
            minWidth={720}
            label="Users"
            faded={(user) => !user.active}
            columns={[
              {
                header: 'Name',
                cell: (user) => (
                  <>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" fw={500}>
                        {user.name}
                      </Text>
                      {user.id === signedIn.id && (
                        <Badge size="xs" variant="outline">
                          You
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {user.email}
                    </Text>
                  </>
                ),
              },
              { header: 'Roles', cell: (user) => <RoleBadges roles={user.roles} /> },
              {
                header: 'Status',
                cell: (user) => (
                  <Badge variant="dot" color={user.active ? 'teal' : 'gray'} size="sm">
                    {user.active ? 'Active' : 'Deactivated'}
                  </Badge>
                ),
              },
              {
                header: 'Last signed in',
                cell: (user) => (
                  <Text size="sm" c={user.lastSignInAt === null ? 'dimmed' : undefined}>
                    {user.lastSignInAt === null ? 'Never' : formatMoment(user.lastSignInAt)}
                  </Text>
                ),
              },
              actionsColumn((user: TUser) => (
                <UserActions
                  user={user}
                  isSelf={user.id === signedIn.id}
                  onOpen={(kind) => setDialog({ kind, user })}
                  onReactivate={() => reactivate(user)}
                />
              )),
            ]}
          />
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

/** What an administrator can do to one user; nobody can lock themselves out. */
function UserActions({
  user,
  isSelf,
  onOpen,
  onReactivate,
}: {
  user: TUser;
  isSelf: boolean;
  onOpen: (kind: NonNullable<Dialog>['kind']) => void;
  onReactivate: () => void;
}) {
  return (
    <RowActions name={user.name}>
      <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => onOpen('edit')}>
        Edit name and roles
      </Menu.Item>
      <Menu.Item leftSection={<IconKey size={16} />} onClick={() => onOpen('password')}>
        Set a new password
      </Menu.Item>
      <Menu.Divider />
      {user.active ? (
        <Menu.Item
          color="red"
          leftSection={<IconUserOff size={16} />}
          disabled={isSelf}
          onClick={() => onOpen('deactivate')}
        >
          {isSelf ? 'You cannot deactivate yourself' : 'Deactivate'}
        </Menu.Item>
      ) : (
        <Menu.Item leftSection={<IconPlayerPlay size={16} />} onClick={onReactivate}>
          Reactivate
        </Menu.Item>
      )}
    </RowActions>
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
        <DataTable
          rows={users}
          rowKey={(user) => user.id}
          minWidth={480}
          label="Colleagues"
          highlightOnHover={false}
          columns={[
            {
              header: 'Name',
              cell: (user) => (
                <Text size="sm" fw={500}>
                  {user.name}
                </Text>
              ),
            },
            { header: 'Roles', cell: (user) => <RoleBadges roles={user.roles} /> },
          ]}
        />
      )}
    </QueryState>
  );
}
