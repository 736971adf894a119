import { Button, Stack } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import { useState } from 'react';
import type {
  TPsaConnection,
  TPsaVendorDescription,
} from '../../../../src/server/integrations/schema.js';
import { usePsaConnections, usePsaVendors } from '../../api/integrations.js';
import { useCan } from '../../api/session.js';
import { EmptyState, ErrorState, QueryState } from '../../components/QueryState.js';
import { SectionHeader } from '../../components/SectionHeader.js';
import { ReadOnlyNotice } from '../settings/ReadOnlyNotice.js';
import { BackgroundJobs } from './BackgroundJobs.js';
import { ConnectionCard } from './ConnectionCard.js';
import { CreateConnectionModal, EditConnectionModal } from './ConnectionFormModal.js';
import { DeleteConnectionModal } from './DeleteConnectionModal.js';

type Dialog =
  | { kind: 'create'; initial: TPsaVendorDescription }
  | { kind: 'edit'; connection: TPsaConnection; description: TPsaVendorDescription }
  | { kind: 'delete'; connection: TPsaConnection }
  | null;

/** Settings → Integrations: the PSAs Closeout reads and writes, and the jobs that do it. */
export function IntegrationsSettings() {
  const canManage = useCan('integrations.manage');
  const vendors = usePsaVendors();
  const connections = usePsaConnections();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  const descriptions = vendors.data ?? [];
  const connected = connections.data ?? [];
  const unconnected = descriptions.find(
    (vendor) => !connected.some((connection) => connection.vendor === vendor.vendor),
  );
  // A connection's form needs its vendor's description; until it is loaded there is no Edit.
  const editOf = (connection: TPsaConnection) => {
    const description = descriptions.find((vendor) => vendor.vendor === connection.vendor);
    return description === undefined
      ? undefined
      : () => setDialog({ kind: 'edit', connection, description });
  };

  return (
    <>
      <SectionHeader
        title="Integrations"
        description="Connect your PSA to bring in clients, agreements and open tickets, keep the tickets of open closeouts in sync, and write the review’s outcomes back."
        action={
          canManage && (
            <Button
              leftSection={<IconPlugConnected size={16} />}
              disabled={unconnected === undefined}
              onClick={() =>
                unconnected !== undefined && setDialog({ kind: 'create', initial: unconnected })
              }
            >
              Connect a PSA
            </Button>
          )
        }
      >
        {canManage && vendors.error !== null && (
          <ErrorState error={vendors.error} onRetry={() => void vendors.refetch()} />
        )}
        {!canManage && (
          <ReadOnlyNotice>
            Only an administrator can connect a PSA or change a connection.
          </ReadOnlyNotice>
        )}
      </SectionHeader>
      <QueryState
        query={connections}
        loadingLabel="Loading the connections…"
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState title="No PSA connected yet">
            {canManage
              ? 'Connect one with “Connect a PSA” to import clients and sync their tickets.'
              : 'An administrator can connect one.'}
          </EmptyState>
        }
      >
        {(list) => (
          <Stack gap="md">
            {list.map((connection) => (
              <ConnectionCard
                key={connection.id}
                connection={connection}
                canManage={canManage}
                onEdit={editOf(connection)}
                onDelete={() => setDialog({ kind: 'delete', connection })}
              />
            ))}
          </Stack>
        )}
      </QueryState>
      <BackgroundJobs canManage={canManage} />
      {dialog?.kind === 'create' && (
        <CreateConnectionModal
          vendors={descriptions}
          connected={connected}
          initial={dialog.initial}
          onClose={close}
        />
      )}
      {dialog?.kind === 'edit' && (
        <EditConnectionModal
          connection={dialog.connection}
          description={dialog.description}
          onClose={close}
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteConnectionModal connection={dialog.connection} onClose={close} />
      )}
    </>
  );
}
