import {
  Alert,
  Badge,
  Group,
  Paper,
  Stack,
  Text,
  ThemeIcon,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconCircleCheck, IconCircleDashed, IconLock } from '@tabler/icons-react';
import { type ReactNode, useId } from 'react';
import type { TCloseoutDetail } from '../../../../../../src/server/closeouts/schema.js';
import { gateAnchor } from '../stage-panel.js';

/**
 * One part of a stage's work (the decision, the meeting record…): whether it is done, and when a
 * gate depends on it, the gate's anchor for the "what still blocks closing" links and what the
 * gate still misses.
 */
export function StageSection({
  title,
  description,
  done,
  gateKeys = [],
  closeout,
  actions,
  children,
}: {
  title: string;
  description?: ReactNode;
  done: boolean;
  /** The gates this section fixes; the first one's anchor is the section's id. */
  gateKeys?: string[];
  closeout: TCloseoutDetail;
  /** Buttons beside the title, e.g. "Edit". */
  actions?: ReactNode;
  children: ReactNode;
}) {
  const [anchor, ...moreAnchors] = gateKeys;
  const unmet = [...closeout.unmetStageGates, ...closeout.unmetClosingGates].filter(
    (gate, index, all) =>
      gateKeys.includes(gate.gate) && all.findIndex((other) => other.gate === gate.gate) === index,
  );
  const headingId = useId();
  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="section"
      id={anchor === undefined ? undefined : gateAnchor(anchor)}
      tabIndex={anchor === undefined ? undefined : -1}
      aria-labelledby={headingId}
      style={{ scrollMarginTop: 80 }}
    >
      {moreAnchors.map((gateKey) => (
        <span key={gateKey} id={gateAnchor(gateKey)} />
      ))}
      <Stack gap="md">
        {/* The actions keep their size and move below the title when the section is narrow. */}
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Group gap="sm" wrap="nowrap" align="flex-start" style={{ flex: '1 1 240px' }}>
            <ThemeIcon
              color={done ? 'teal' : 'gray'}
              variant={done ? 'light' : 'transparent'}
              radius="xl"
              size={26}
              aria-hidden
            >
              {done ? <IconCircleCheck size={18} /> : <IconCircleDashed size={18} />}
            </ThemeIcon>
            <Stack gap={2}>
              <Title order={3} size="h5" id={headingId}>
                {title}
                {done && <VisuallyHidden component="span"> (done)</VisuallyHidden>}
              </Title>
              {description !== undefined && (
                <Text size="sm" c="dimmed">
                  {description}
                </Text>
              )}
            </Stack>
          </Group>
          {(actions !== undefined || unmet.length > 0) && (
            <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
              {unmet.length > 0 && (
                <Badge color="orange" variant="light" leftSection={<IconLock size={12} />}>
                  Gate
                </Badge>
              )}
              {actions}
            </Group>
          )}
        </Group>
        {unmet.map((gate) => (
          <Alert key={gate.gate} color="orange" variant="light" title={gate.name} p="sm">
            <Text size="sm">{gate.message}</Text>
          </Alert>
        ))}
        {children}
      </Stack>
    </Paper>
  );
}
