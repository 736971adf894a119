import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';

/** Why a settings section shows its values but no way to change them. */
export function ReadOnlyNotice({
  children = 'Only an administrator can change this.',
}: {
  children?: string;
}) {
  return (
    <Alert variant="light" color="gray" icon={<IconLock size={18} />}>
      {children}
    </Alert>
  );
}
