import { Menu } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { RowActions } from '../../components/RowActions.js';

/** The edit and remove actions of one row, for users who may manage clients. */
export function RecordActions({
  name,
  onEdit,
  onRemove,
}: {
  /** How the row is named to screen readers, e.g. the contact's name. */
  name: string;
  onEdit: () => void;
  onRemove: () => void;
}) {
  return (
    <RowActions name={name}>
      <Menu.Item leftSection={<IconPencil size={14} />} onClick={onEdit}>
        Edit
      </Menu.Item>
      <Menu.Item leftSection={<IconTrash size={14} />} color="red" onClick={onRemove}>
        Remove
      </Menu.Item>
    </RowActions>
  );
}
