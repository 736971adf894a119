import { Text } from '@mantine/core';
import {
  describeNeededRoles,
  type Permission,
} from '../../../../../src/server/auth/permissions.js';
import { useCan, useSession } from '../../../api/session.js';

/** Says which roles a part of the page needs, where the user sees it without its controls. */
export function PermissionNote({ permission }: { permission: Permission }) {
  const allowed = useCan(permission);
  const { data: session } = useSession();
  if (allowed) return null;
  return (
    <Text size="xs" c="dimmed">
      {describeNeededRoles(permission, session?.organisation.personalisation.roleNames)}
    </Text>
  );
}
