import { Alert, List, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { ApiProblem, errorMessage } from '../api/http.js';

/** A refused request as the API explained it, including each unmet gate and what it misses. */
export function ProblemAlert({ error, title }: { error: unknown; title?: string }) {
  if (error === null || error === undefined) return null;
  const problem = error instanceof ApiProblem ? error.problem : null;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle size={18} />}
      title={title ?? problem?.title ?? 'That did not work'}
      role="alert"
    >
      <Text size="sm">{errorMessage(error)}</Text>
      {problem?.unmetGates !== undefined && problem.unmetGates.length > 0 && (
        <List size="sm" mt="xs" spacing={4}>
          {problem.unmetGates.map((gate) => (
            <List.Item key={gate.gate}>
              <Text span fw={600} size="sm">
                {gate.name}:
              </Text>{' '}
              {gate.missing.length > 0 ? gate.missing.join('; ') : gate.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
