import { Button, Text } from '@mantine/core';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render.js';
import { useListParams } from './use-list-params.js';

function List() {
  const { params, page, change, setPage } = useListParams<'q' | 'status'>();
  return (
    <>
      <Text>
        Page {page}, status {params.get('status') ?? 'any'}
      </Text>
      <Button onClick={() => change({ q: 'acme' })}>Search</Button>
      <Button onClick={() => change({ status: 'former' })}>Former</Button>
      <Button onClick={() => change({ status: null })}>Any status</Button>
      <Button onClick={() => setPage(3)}>Page 3</Button>
      <Button onClick={() => setPage(1)}>Page 1</Button>
    </>
  );
}

const params = (router: { state: { location: { search: string } } }) =>
  new URLSearchParams(router.state.location.search);

describe('useListParams', () => {
  it('reads the page from the URL, the first one when it is not a page', () => {
    renderWithApp(<List />, { route: '/clients?page=abc&status=former' });
    expect(screen.getByText('Page 1, status former')).toBeInTheDocument();
  });

  it('starts again from the first page when a filter changes, and keeps the page it was given', async () => {
    const { user, router } = renderWithApp(<List />, { route: '/clients?page=2' });

    await user.click(screen.getByRole('button', { name: 'Former' }));
    expect(params(router).get('status')).toBe('former');
    expect(params(router).get('page')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Page 3' }));
    expect(params(router).get('page')).toBe('3');
    expect(params(router).get('status')).toBe('former');

    await user.click(screen.getByRole('button', { name: 'Page 1' }));
    expect(params(router).has('page')).toBe(false);
  });

  it('lets Back undo a filter, but not each search the typing made', async () => {
    const { user, router } = renderWithApp(<List />, { route: '/clients' });

    await user.click(screen.getByRole('button', { name: 'Former' }));
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(params(router).get('q')).toBe('acme');

    await router.navigate(-1);
    await waitFor(() => expect(params(router).get('status')).toBeNull());
    expect(params(router).get('q')).toBeNull();
  });
});
