import { Alert, Code, Group, Stack, Text } from '@mantine/core';
import { IconEyeCheck } from '@tabler/icons-react';
import type { TRevealedCredential } from '../../../../src/server/portal/schema.js';
import { CopyIconButton } from '../../components/CopyIconButton.js';
import { formatMoment } from '../../format.js';

/** A credential as revealed: each field with its copy button, and the warning it shows once. */
export function RevealedFields({ credential }: { credential: TRevealedCredential }) {
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconEyeCheck size={18} />}
      title="Shown once: store it now"
      p="sm"
    >
      <Stack gap="sm">
        <Text size="sm">
          Revealed {formatMoment(credential.revealedAt)}. Once you leave this page it is not shown
          again.
        </Text>
        <Stack gap="xs" component="dl" m={0}>
          {credential.fields.map((field) => (
            <Stack key={field.key} gap={2}>
              <Text component="dt" size="xs" fw={700}>
                {field.label}
              </Text>
              <Group component="dd" m={0} gap={4} wrap="nowrap" align="flex-start">
                <Code
                  block={field.value.includes('\n')}
                  style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', flex: 1 }}
                  data-credential-field={field.key}
                >
                  {field.value}
                </Code>
                <CopyIconButton
                  value={field.value}
                  label={`Copy the ${field.label.toLowerCase()}`}
                />
              </Group>
            </Stack>
          ))}
        </Stack>
      </Stack>
    </Alert>
  );
}
