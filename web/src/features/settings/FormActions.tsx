import { Group } from '@mantine/core';
import type { ReactNode } from 'react';

/** A long form's buttons, kept in view at the bottom of the window while it scrolls. */
export function FormActions({ children }: { children: ReactNode }) {
  return (
    <Group
      justify="space-between"
      py="sm"
      bg="var(--mantine-color-body)"
      style={{
        position: 'sticky',
        bottom: 0,
        zIndex: 2,
        borderTop: '1px solid var(--mantine-color-default-border)',
      }}
    >
      {children}
    </Group>
  );
}
