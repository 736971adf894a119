import { Stack, Title } from '@mantine/core';
import type { TProcessDefinition } from '../../../../../src/blueprint/schema.js';
import { useVersionChanges } from '../../../api/process-draft.js';
import { QueryState } from '../../../components/QueryState.js';
import { ChangeList } from './ChangeList.js';

/** What the shown version changed from the one before it. */
export function VersionChanges({ definition }: { definition: TProcessDefinition }) {
  const changes = useVersionChanges(definition, true);
  const names = new Map(
    [...definition.roles, ...definition.systems, ...definition.documents].map((entry) => [
      entry.key,
      entry.name,
    ]),
  );
  return (
    <QueryState query={changes} loadingLabel="Loading what changed…">
      {(loaded) =>
        loaded.previousVersion === null ? null : (
          <Stack gap="sm">
            <Title order={3}>
              What version {definition.version} changed from version {loaded.previousVersion}
            </Title>
            <ChangeList changes={loaded.changes} nameOf={(key) => names.get(key) ?? key} />
          </Stack>
        )
      }
    </QueryState>
  );
}
