import { Alert, Badge, Button, Group, List, Modal, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconEye, IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import type {
  TPortalCloseout,
  TPortalHandoverItem,
  TRevealedCredential,
} from '../../../../src/server/portal/schema.js';
import { usePortalAction, useRevealCredential } from '../../api/portal.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { EmptyState } from '../../components/QueryState.js';
import { formatMoment } from '../../format.js';
import { PortalSection } from './PortalSection.js';
import { ReportProblemForm } from './ReportProblemForm.js';
import { RevealedFields } from './RevealedFields.js';

/**
 * The administration credentials handed over: each revealed once, then confirmed as working or
 * reported as a problem, which the provider works as a deactivation issue.
 */
export function CredentialsSection({ closeout }: { closeout: TPortalCloseout }) {
  return (
    <PortalSection
      title="Credentials"
      description="The administration credentials of your systems. Each is shown once: keep it in your password manager, then tell your provider whether it works."
    >
      {closeout.handoverItems.length === 0 ? (
        <EmptyState title="No credentials yet">
          Your provider has not prepared the credentials for you yet.
        </EmptyState>
      ) : (
        <Stack gap="sm">
          {closeout.handoverItems.map((item) => (
            <CredentialCard key={item.id} closeout={closeout} item={item} />
          ))}
        </Stack>
      )}
    </PortalSection>
  );
}

function CredentialCard({
  closeout,
  item,
}: {
  closeout: TPortalCloseout;
  item: TPortalHandoverItem;
}) {
  // The secret exists only here once shown: the API never shows it again.
  const [revealed, setRevealed] = useState<TRevealedCredential | null>(null);
  const [reporting, setReporting] = useState(false);
  const confirm = usePortalAction(closeout);
  const name = `${item.systemName}: ${item.credentialLabel}`;
  const confirmed = item.confirmedAt !== null;
  const mayAnswer =
    closeout.can.confirmHandover &&
    !confirmed &&
    (revealed !== null ||
      item.secret.status === 'revealed' ||
      (item.secret.status === 'none' && item.handedOverAt !== null));

  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={name}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <IconKey size={18} aria-hidden />
            <Text fw={600} size="sm">
              {item.systemName}
              <Text span c="dimmed" size="sm">
                {' '}
                · {item.credentialLabel}
              </Text>
            </Text>
          </Group>
          {confirmed ? (
            <Badge color="teal" variant="light" tt="none" leftSection={<IconCheck size={12} />}>
              Works · confirmed {formatMoment(item.confirmedAt)}
            </Badge>
          ) : item.problems.some((problem) => problem.resolvedAt === null) ? (
            <Badge color="yellow" variant="light" tt="none">
              Problem reported
            </Badge>
          ) : null}
        </Group>
        {item.notes !== '' && <Text size="sm">{item.notes}</Text>}

        {revealed !== null ? (
          <RevealedFields credential={revealed} />
        ) : (
          <SecretState closeout={closeout} item={item} onRevealed={setRevealed} />
        )}

        {item.problems.length > 0 && (
          <List size="sm" spacing={4} aria-label={`Problems reported for ${item.systemName}`}>
            {item.problems.map((problem) => (
              <List.Item key={problem.id}>
                {problem.summary} — reported {formatMoment(problem.loggedAt)}
                {problem.resolvedAt === null
                  ? ', your provider is on it'
                  : `, solved ${formatMoment(problem.resolvedAt)}${problem.resolution === '' ? '' : `: ${problem.resolution}`}`}
              </List.Item>
            ))}
          </List>
        )}

        {mayAnswer && !reporting && (
          <Stack gap="xs">
            <ProblemAlert error={confirm.error} title="Not recorded" />
            <Group gap="sm">
              <Button
                size="sm"
                color="teal"
                leftSection={<IconCheck size={16} />}
                loading={confirm.isPending}
                aria-label={`It works: ${name}`}
                onClick={() =>
                  confirm.mutate({
                    path: `handover-items/${item.id}/confirm`,
                    success: `You confirmed that ${item.systemName} works.`,
                  })
                }
              >
                It works
              </Button>
              <Button
                size="sm"
                variant="default"
                leftSection={<IconAlertTriangle size={16} />}
                aria-label={`Report a problem: ${name}`}
                onClick={() => setReporting(true)}
              >
                Report a problem
              </Button>
            </Group>
          </Stack>
        )}
        {mayAnswer && reporting && (
          <ReportProblemForm closeout={closeout} item={item} onClose={() => setReporting(false)} />
        )}
      </Stack>
    </Paper>
  );
}

/** What the client can do with the secret now: reveal it, or ask for it again. */
function SecretState({
  closeout,
  item,
  onRevealed,
}: {
  closeout: TPortalCloseout;
  item: TPortalHandoverItem;
  onRevealed: (credential: TRevealedCredential) => void;
}) {
  const [asking, setAsking] = useState(false);
  const reveal = useRevealCredential(closeout.id);
  switch (item.secret.status) {
    case 'none':
      return (
        <Text size="sm" c="dimmed">
          {item.handedOverAt === null
            ? 'Your provider has not handed this credential over yet.'
            : `Handed over ${formatMoment(item.handedOverAt)}, outside the portal.`}
        </Text>
      );
    case 'revealed':
      return (
        <Alert color="gray" variant="light" p="sm">
          <Text size="sm">
            Revealed on {formatMoment(item.secret.revealedAt)}
            {item.secret.revealedBy === null ? '' : ` by ${item.secret.revealedBy}`}. It is shown
            only once — ask your provider to re-issue it if you need to see it again.
          </Text>
        </Alert>
      );
    case 'available':
      return (
        <>
          <Button
            size="sm"
            variant="light"
            leftSection={<IconEye size={16} />}
            w="fit-content"
            aria-label={`Reveal: ${item.systemName} ${item.credentialLabel}`}
            onClick={() => setAsking(true)}
          >
            Reveal
          </Button>
          <Modal
            opened={asking}
            onClose={() => setAsking(false)}
            title={`Reveal the ${item.systemName} credential?`}
          >
            <Stack gap="md">
              <ProblemAlert error={reveal.error} title="Not revealed" />
              <Text size="sm">
                The credential is shown <strong>once</strong>. Have your password manager ready and
                store it before you leave this page. To see it again, your provider has to re-issue
                it.
              </Text>
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={() => setAsking(false)} data-autofocus>
                  Not now
                </Button>
                <Button
                  loading={reveal.isPending}
                  onClick={() =>
                    reveal.mutate(item.id, {
                      onSuccess: (credential) => {
                        onRevealed(credential);
                        setAsking(false);
                      },
                    })
                  }
                >
                  Reveal it now
                </Button>
              </Group>
            </Stack>
          </Modal>
        </>
      );
  }
}
