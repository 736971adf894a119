import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { TProcessDefinition } from '../../../../src/blueprint/schema.js';
import { renderLifeCycle } from '../../../../src/documents/diagrams/life-cycle.js';
import { renderProcessOverview } from '../../../../src/documents/diagrams/process-overview.js';
import { processDiagramUrl } from '../../api/diagrams.js';
import { useSignedInUser } from '../../api/session.js';
import { useSearchParamState } from '../../components/use-search-param-state.js';
import { DiagramDownloads } from './DiagramDownloads.js';
import { DiagramViewer } from './DiagramViewer.js';
import { todayIso } from './today.js';

const DIAGRAMS = ['overview', 'life-cycle'] as const;
type DiagramKind = (typeof DIAGRAMS)[number];
const isDiagram = (value: string | null): value is DiagramKind =>
  DIAGRAMS.some((kind) => kind === value);

/**
 * The Process page's diagrams of the version shown: the Process Overview Diagram (the service
 * blueprint) and the Life Cycle Diagram, drawn in the organisation's names, logo and colour.
 */
export function ProcessDiagrams({ definition }: { definition: TProcessDefinition }) {
  const { organisation } = useSignedInUser();
  const [kind, setKind] = useSearchParamState<DiagramKind>('diagram', {
    parse: (value) => (isDiagram(value) ? value : undefined),
    fallback: 'overview',
  });
  const diagram = useMemo(() => {
    const options = {
      definition,
      personalisation: organisation.personalisation,
      organisationName: organisation.name,
      generatedOn: todayIso(),
    };
    return kind === 'overview' ? renderProcessOverview(options) : renderLifeCycle(options);
  }, [kind, definition, organisation]);
  const name = kind === 'overview' ? 'Process overview' : 'Life cycle diagram';

  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label="Diagram"
        value={kind}
        onChange={(value) => isDiagram(value) && setKind(value)}
        data={[
          { value: 'overview', label: 'Process overview' },
          { value: 'life-cycle', label: 'Life cycle' },
        ]}
        w="fit-content"
      />
      <Text size="sm" c="dimmed">
        {kind === 'overview'
          ? 'The service blueprint of this version: a column per sub-process, the lanes from the client’s actions to the support systems, every task with its roles and systems, and the documents each produces.'
          : 'Where closeout sits in the managed-service life cycle, from onboarding to cancellation and back when a client returns.'}
      </Text>
      <DiagramViewer
        diagram={diagram}
        label={diagram.title}
        actions={
          <DiagramDownloads
            name={name}
            urlFor={(download) => processDiagramUrl(kind, download, definition.version)}
          />
        }
      />
    </Stack>
  );
}
