import { Button, Code, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { TRevealedHandoverSecret } from '../../../../../../src/server/handover-secrets/schema.js';
import { CopyIconButton } from '../../../../components/CopyIconButton.js';

/** How long a revealed secret stays on screen. */
export const REVEAL_SECONDS = 60;

function SecretField({ label, value }: { label: string; value: string }) {
  if (value === '') return null;
  return (
    <Stack gap={2}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <CopyIconButton value={value} label={`Copy ${label.toLowerCase()}`} timeout={2000} />
      </Group>
      <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {value}
      </Code>
    </Stack>
  );
}

/**
 * A revealed secret with a copy button per part. It hides itself after a minute so it is not
 * left open on an unattended screen; closing it drops the secret from memory.
 */
export function HandoverSecretRevealModal({
  revealed,
  onClose,
}: {
  revealed: TRevealedHandoverSecret;
  onClose: () => void;
}) {
  const [secondsLeft, setSecondsLeft] = useState(REVEAL_SECONDS);
  useEffect(() => {
    const timer = setInterval(() => setSecondsLeft((seconds) => seconds - 1), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (secondsLeft <= 0) onClose();
  }, [secondsLeft, onClose]);
  const { secret } = revealed;
  return (
    <Modal
      opened
      onClose={onClose}
      title={`${revealed.systemName} · ${revealed.credentialLabel}`}
      size="lg"
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          This reveal is recorded in the closeout's timeline. It hides in {secondsLeft} s.
        </Text>
        <Progress
          value={(secondsLeft / REVEAL_SECONDS) * 100}
          size="xs"
          aria-label="Time until the secret hides"
        />
        <SecretField label="Username" value={secret.username} />
        <SecretField label="Password or key" value={secret.password} />
        <SecretField label="Where to sign in" value={secret.url} />
        <SecretField label="Notes" value={secret.notes} />
        <SecretField label="MFA recovery codes" value={secret.mfaRecoveryCodes.join('\n')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Hide
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
