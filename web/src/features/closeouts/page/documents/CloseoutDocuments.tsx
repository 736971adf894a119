import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { Paper } from '../../../../../../src/documents/pdf/papers.js';
import type { TCloseoutDetail } from '../../../../../../src/server/closeouts/schema.js';
import type { TCloseoutDocument } from '../../../../../../src/server/documents/schema.js';
import { closeoutDocumentUrl, useCloseoutDocuments } from '../../../../api/documents.js';
import { QueryState } from '../../../../components/QueryState.js';

const PAPERS: Array<{ paper: Paper; label: string; long: string }> = [
  { paper: 'a4', label: 'A4', long: 'A4' },
  { paper: 'letter', label: 'Letter', long: 'US Letter' },
];

/**
 * The closeout's documents, filled in from what it records, as PDF: each with its title from the
 * process definition, whether it can be made yet (and why not), and a download per paper size.
 */
export function CloseoutDocuments({ closeout }: { closeout: TCloseoutDetail }) {
  const documents = useCloseoutDocuments(closeout.id, closeout.version);
  return (
    <QueryState query={documents} loadingLabel="Loading the documents…">
      {(data) => (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Each document is filled in from the closeout as it stands now, with your logo, colour
            and names. None of them ever contains a handed-over password.
          </Text>
          {data.documents.map((document) => (
            <DocumentRow key={document.kind} closeoutId={closeout.id} document={document} />
          ))}
        </Stack>
      )}
    </QueryState>
  );
}

function DocumentRow({
  closeoutId,
  document,
}: {
  closeoutId: string;
  document: TCloseoutDocument;
}) {
  const titleId = `document-${document.kind}`;
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 260px' }}>
          <Group gap="xs">
            <Title order={3} size="h5" id={titleId}>
              {document.title}
            </Title>
            <Badge variant="light" color={document.available ? 'teal' : 'gray'}>
              {document.available ? 'Ready' : 'Not yet'}
            </Badge>
          </Group>
          {document.description !== '' && (
            <Text size="sm" c="dimmed">
              {document.description}
            </Text>
          )}
          {document.unavailableReason !== null && (
            <Text size="sm">{document.unavailableReason}</Text>
          )}
        </Stack>
        <Group gap="xs">
          {PAPERS.map(({ paper, label, long }) =>
            document.available ? (
              <Button
                key={paper}
                component="a"
                href={closeoutDocumentUrl(closeoutId, document.kind, paper)}
                download
                size="xs"
                variant="default"
                leftSection={<IconDownload size={14} />}
                aria-label={`Download ${document.title}, ${long}`}
              >
                {label}
              </Button>
            ) : (
              <Button
                key={paper}
                size="xs"
                variant="default"
                disabled
                leftSection={<IconDownload size={14} />}
                aria-label={`Download ${document.title}, ${long}`}
              >
                {label}
              </Button>
            ),
          )}
        </Group>
      </Group>
    </Card>
  );
}
