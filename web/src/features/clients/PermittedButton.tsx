import { Button, type ButtonProps, Tooltip } from '@mantine/core';
import type { MouseEvent, ReactNode } from 'react';
import { Link } from 'react-router';
import { describeNeededRoles, type Permission } from '../../../../src/server/auth/permissions.js';
import { useCan, useSignedInUser } from '../../api/session.js';

/**
 * A button for an action the user's roles may not allow: disabled, with the roles it needs in a
 * tooltip, so people learn whom to ask rather than wondering where the action went.
 */
export function PermittedButton({
  permission,
  onClick,
  to,
  children,
  ...props
}: ButtonProps & {
  permission: Permission;
  onClick?: () => void;
  /** Makes the button a link. */
  to?: string;
  children: ReactNode;
}) {
  const allowed = useCan(permission);
  const user = useSignedInUser();
  if (!allowed) {
    return (
      <Tooltip
        label={describeNeededRoles(permission, user.organisation.personalisation.roleNames)}
        multiline
        w={260}
      >
        <Button
          {...props}
          data-disabled
          aria-disabled
          onClick={(event: MouseEvent) => event.preventDefault()}
        >
          {children}
        </Button>
      </Tooltip>
    );
  }
  if (to !== undefined) {
    return (
      <Button {...props} component={Link} to={to}>
        {children}
      </Button>
    );
  }
  return (
    <Button {...props} onClick={onClick}>
      {children}
    </Button>
  );
}
