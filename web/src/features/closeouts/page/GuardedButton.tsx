import { Button, type ButtonProps, Tooltip } from '@mantine/core';
import type { ComponentPropsWithoutRef, MouseEvent } from 'react';
import {
  describeNeededRoles,
  type Permission,
} from '../../../../../src/server/auth/permissions.js';
import { useCan, useSession } from '../../../api/session.js';

type GuardedButtonProps = ButtonProps &
  Omit<ComponentPropsWithoutRef<'button'>, keyof ButtonProps> & {
    /** The permission of the API's matrix the action needs. */
    permission: Permission;
    /** Why the action cannot be taken now, besides the user's roles; null when it can. */
    blockedReason?: string | null;
  };

/**
 * A button for a process action that says why it cannot be used: the roles it needs, or what
 * must happen first. It stays focusable while blocked, so keyboard users can read the reason.
 */
export function GuardedButton({
  permission,
  blockedReason = null,
  onClick,
  ...props
}: GuardedButtonProps) {
  const allowed = useCan(permission);
  const { data: session } = useSession();
  const reason = allowed
    ? blockedReason
    : describeNeededRoles(permission, session?.organisation.personalisation.roleNames);
  if (reason === null) return <Button onClick={onClick} {...props} />;
  return (
    <Tooltip label={reason} multiline maw={320} withArrow>
      <Button
        {...props}
        type="button"
        data-disabled
        aria-disabled
        onClick={(event: MouseEvent<HTMLButtonElement>) => event.preventDefault()}
      />
    </Tooltip>
  );
}
