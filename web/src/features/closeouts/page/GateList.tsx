import { Anchor, List, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconArrowRight, IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { TProcessDefinition } from '../../../../../src/blueprint/schema.js';
import type { TCloseoutDetail } from '../../../../../src/server/closeouts/schema.js';
import { gateHref } from './gate-links.js';

type TUnmetGate = TCloseoutDetail['unmetClosingGates'][number];

/** Unmet gates, each with what is missing and a link to where on the page it is fixed. */
export function GateList({
  gates,
  definition,
  closeout,
}: {
  gates: TUnmetGate[];
  definition: TProcessDefinition;
  closeout: TCloseoutDetail;
}) {
  return (
    <List
      spacing="sm"
      size="sm"
      icon={
        <ThemeIcon size={20} radius="xl" variant="light" color="orange" aria-hidden>
          <IconLock size={12} />
        </ThemeIcon>
      }
    >
      {gates.map((gate) => (
        <List.Item key={gate.gate}>
          <Stack gap={2}>
            <Anchor
              component={Link}
              to={gateHref(definition, gate.gate, closeout.stage.key)}
              fw={600}
              size="sm"
            >
              {gate.name}
              <IconArrowRight size={12} style={{ marginLeft: 4, verticalAlign: 'middle' }} />
            </Anchor>
            {gate.missing.map((missing) => (
              <Text key={missing} size="xs" c="dimmed">
                {missing}
              </Text>
            ))}
          </Stack>
        </List.Item>
      ))}
    </List>
  );
}
