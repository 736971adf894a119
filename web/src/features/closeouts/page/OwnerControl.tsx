import { Select, Text } from '@mantine/core';
import type { TCloseoutDetail } from '../../../../../src/server/closeouts/schema.js';
import { useCloseoutAction } from '../../../api/closeouts.js';
import { errorMessage } from '../../../api/http.js';
import { useCan } from '../../../api/session.js';
import { useStaffDirectory, useStaffName } from '../../../api/staff.js';

/** Who owns the closeout; those who may assign work pick another owner in place. */
export function OwnerControl({ closeout }: { closeout: TCloseoutDetail }) {
  const canAssign = useCan('closeout.assign');
  const staffName = useStaffName();
  const directory = useStaffDirectory();
  const action = useCloseoutAction(closeout);

  if (!canAssign || closeout.status !== 'open') {
    return <Text size="sm">{staffName(closeout.ownerUserId)}</Text>;
  }
  const users = directory.data?.users ?? [];
  const choices = users.map((user) => ({ value: user.id, label: user.name }));
  if (closeout.ownerUserId !== null && !users.some((user) => user.id === closeout.ownerUserId)) {
    choices.push({ value: closeout.ownerUserId, label: staffName(closeout.ownerUserId) });
  }
  return (
    <Select
      aria-label="Owner"
      size="xs"
      data={choices}
      value={closeout.ownerUserId}
      placeholder={directory.isPending ? 'Loading staff…' : 'Unassigned'}
      searchable
      clearable
      allowDeselect={false}
      nothingFoundMessage="No one by that name"
      disabled={action.isPending}
      error={action.error === null ? undefined : errorMessage(action.error)}
      onChange={(ownerUserId) => {
        if (ownerUserId === closeout.ownerUserId) return;
        action.mutate({
          path: 'assign-owner',
          body: { ownerUserId },
          success:
            ownerUserId === null
              ? 'The closeout has no owner now.'
              : `${staffName(ownerUserId)} owns the closeout now.`,
        });
      }}
    />
  );
}
