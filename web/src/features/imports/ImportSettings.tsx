import { Paper, Stack, Stepper } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { describeNeededRoles } from '../../../../src/server/auth/permissions.js';
import type { TImportDetail, TImportFormats } from '../../../../src/server/imports/schema.js';
import {
  isRunningImport,
  useImport,
  useImportFinished,
  useImportFormats,
} from '../../api/imports.js';
import { useCan, useSignedInUser } from '../../api/session.js';
import { QueryState } from '../../components/QueryState.js';
import { SectionHeader } from '../../components/SectionHeader.js';
import { useSearchParamState } from '../../components/use-search-param-state.js';
import { ReadOnlyNotice } from '../settings/ReadOnlyNotice.js';
import { ChooseFileStep } from './ChooseFileStep.js';
import { ImportRunStep } from './ImportRunStep.js';
import { MappingStep } from './MappingStep.js';
import { RecentImports } from './RecentImports.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const stepOf = (detail: TImportDetail | undefined): number =>
  detail === undefined
    ? 0
    : detail.status === 'uploaded'
      ? 1
      : detail.status === 'succeeded' || detail.status === 'failed'
        ? 3
        : 2;

/** Once an import the page watched has run, the records it may have changed are read again. */
function useRefreshWhenRun(detail: TImportDetail | undefined) {
  const refresh = useImportFinished();
  const wasRunning = useRef(false);
  const running = detail !== undefined && isRunningImport(detail.status);
  useEffect(() => {
    if (wasRunning.current && !running) refresh();
    wasRunning.current = running;
  }, [running, refresh]);
}

/**
 * The three steps of an import. The import being worked on is in the URL (`?import=`), so a
 * reload, or a link from the recent imports, returns to the step it stands at.
 */
function ImportWizard({ formats }: { formats: TImportFormats }) {
  const [importId, setImportId] = useSearchParamState<string>('import', {
    parse: (value) => (value !== null && UUID.test(value) ? value : undefined),
    fallback: '',
  });
  const current = useImport(importId === '' ? null : importId);
  const detail = importId === '' ? undefined : current.data;
  useRefreshWhenRun(detail);
  const entity = formats.entities.find((candidate) => candidate.entity === detail?.entity);
  const startAgain = () => setImportId('');

  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="lg">
        <Stepper active={stepOf(detail)} size="sm" allowNextStepsSelect={false}>
          <Stepper.Step label="Choose the file" allowStepSelect={false} />
          <Stepper.Step label="Check the columns" allowStepSelect={false} />
          <Stepper.Step label="Import" allowStepSelect={false} />
        </Stepper>
        {importId === '' ? (
          <ChooseFileStep formats={formats} onUploaded={setImportId} />
        ) : (
          <QueryState query={current} loadingLabel="Loading the import…">
            {(loaded) =>
              loaded.status === 'uploaded' && entity !== undefined ? (
                <MappingStep
                  key={loaded.id}
                  detail={loaded}
                  entity={entity}
                  onDiscarded={startAgain}
                />
              ) : (
                <ImportRunStep detail={loaded} onAgain={startAgain} />
              )
            }
          </QueryState>
        )}
      </Stack>
    </Paper>
  );
}

/** Settings → Import from CSV: the wizard, and the imports run before. */
export function ImportSettings() {
  const canImport = useCan('client.manage');
  const { roleNames } = useSignedInUser().organisation.personalisation;
  const formats = useImportFormats();
  return (
    <>
      <SectionHeader
        title="Import from CSV"
        description="Bring in clients, contacts, agreements, managed systems and tickets from a spreadsheet or a PSA export. Importing the same file again changes nothing."
      >
        {!canImport && (
          <ReadOnlyNotice>{describeNeededRoles('client.manage', roleNames)}</ReadOnlyNotice>
        )}
      </SectionHeader>
      {canImport && (
        <QueryState query={formats} loadingLabel="Loading what can be imported…">
          {(loaded) => (
            <Stack gap="xl">
              <ImportWizard formats={loaded} />
              <RecentImports formats={loaded} />
            </Stack>
          )}
        </QueryState>
      )}
    </>
  );
}
