import { IconPlus } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import type { TClientDetail } from '../../../../src/server/clients/schema.js';
import type { ClientRecordKind } from '../../api/clients.js';
import { useCan } from '../../api/session.js';
import { actionsColumn, type Column, DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/QueryState.js';
import { SectionHeader } from '../../components/SectionHeader.js';
import { PermittedButton } from './PermittedButton.js';
import { RecordActions } from './RecordActions.js';
import { RemoveRecordModal } from './RemoveRecordModal.js';

/**
 * One kind of record kept under a client (contacts, agreements, managed systems): its table, and
 * the dialogs that add, edit and remove one, for those who may manage clients.
 */
export function ClientRecordSection<TRecord extends { id: string; name: string }>({
  client,
  kind,
  records,
  title,
  description,
  addLabel,
  empty,
  columns,
  minWidth,
  form,
  removal,
}: {
  client: TClientDetail;
  kind: ClientRecordKind;
  records: readonly TRecord[];
  title: string;
  description: ReactNode;
  /** The add button, e.g. "Add contact". */
  addLabel: string;
  /** What to say while the client has none. */
  empty: { title: string; text: ReactNode };
  columns: readonly Column<TRecord>[];
  /** Below this width the table scrolls. */
  minWidth: number;
  /** The dialog that adds one (record null) or edits one. */
  form: (record: TRecord | null, onClose: () => void) => ReactNode;
  /** The remove dialog's title, and what removing one means. */
  removal: { title: string; note?: string };
}) {
  const canManage = useCan('client.manage');
  const [editing, setEditing] = useState<TRecord | 'new' | null>(null);
  const [removing, setRemoving] = useState<TRecord | null>(null);
  const add = (
    <PermittedButton
      permission="client.manage"
      variant="light"
      leftSection={<IconPlus size={16} />}
      onClick={() => setEditing('new')}
    >
      {addLabel}
    </PermittedButton>
  );
  return (
    <>
      <SectionHeader
        title={title}
        description={description}
        action={records.length > 0 ? add : undefined}
      />
      {records.length === 0 ? (
        <EmptyState title={empty.title} action={add}>
          {empty.text}
        </EmptyState>
      ) : (
        <DataTable
          rows={records}
          rowKey={(record) => record.id}
          minWidth={minWidth}
          columns={[
            ...columns,
            canManage &&
              actionsColumn((record: TRecord) => (
                <RecordActions
                  name={record.name}
                  onEdit={() => setEditing(record)}
                  onRemove={() => setRemoving(record)}
                />
              )),
          ]}
        />
      )}
      {editing !== null && form(editing === 'new' ? null : editing, () => setEditing(null))}
      {removing !== null && (
        <RemoveRecordModal
          clientId={client.id}
          kind={kind}
          record={removing}
          title={removal.title}
          note={removal.note}
          onClose={() => setRemoving(null)}
        />
      )}
    </>
  );
}
