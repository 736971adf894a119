import { Button } from '@mantine/core';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render.js';
import { SectionHeader } from './SectionHeader.js';

describe('SectionHeader', () => {
  it('titles the section as a heading, with what it holds, its action and a notice', () => {
    renderWithApp(
      <SectionHeader
        title="Contacts"
        description="The people you deal with."
        action={<Button>Add contact</Button>}
      >
        Only an administrator can change this.
      </SectionHeader>,
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Contacts' })).toBeInTheDocument();
    expect(screen.getByText('The people you deal with.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add contact' })).toBeInTheDocument();
    expect(screen.getByText('Only an administrator can change this.')).toBeInTheDocument();
  });
});
