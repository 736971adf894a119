import { Button } from '@mantine/core';
import type { ReactNode } from 'react';
import { EmptyState } from './QueryState.js';

/** A filtered list that came back empty: what might find something, and the way back to all. */
export function NoMatches({
  title,
  onClear,
  children,
}: {
  title: string;
  onClear: () => void;
  children: ReactNode;
}) {
  return (
    <EmptyState
      title={title}
      action={
        <Button variant="default" onClick={onClear}>
          Clear the filters
        </Button>
      }
    >
      {children}
    </EmptyState>
  );
}
