import { Text } from '@mantine/core';
import type { TProcessDefinition } from '../../../../../../src/blueprint/schema.js';

/** What the stage is for, in the process definition's own words, above its panel. */
export function StageDescription({
  definition,
  stageKey,
}: {
  definition: TProcessDefinition;
  stageKey: string;
}) {
  const description = definition.stages.find((stage) => stage.key === stageKey)?.description;
  if (description === undefined || description === '') return null;
  return (
    <Text size="sm" c="dimmed" maw={760}>
      {description}
    </Text>
  );
}
