import { Button, Text } from '@mantine/core';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render.js';
import { pageParam, useSearchParamState, withParams } from './use-search-param-state.js';

const TABS = ['agreements', 'contacts', 'tickets'] as const;
type Tab = (typeof TABS)[number];
const isTab = (value: string | null): value is Tab => TABS.some((tab) => tab === value);

function Tabs() {
  const [tab, setTab] = useSearchParamState<Tab>('tab', {
    parse: (value) => (isTab(value) ? value : undefined),
    fallback: 'agreements',
    resets: ['ticketPage'],
  });
  return (
    <>
      <Text>Showing {tab}</Text>
      {TABS.map((name) => (
        <Button key={name} onClick={() => setTab(name)}>
          {name}
        </Button>
      ))}
    </>
  );
}

const search = (router: { state: { location: { search: string } } }) =>
  router.state.location.search;

describe('useSearchParamState', () => {
  it('reads its value from the URL', () => {
    renderWithApp(<Tabs />, { route: '/clients/c1?tab=contacts' });
    expect(screen.getByText('Showing contacts')).toBeInTheDocument();
  });

  it('falls back for a value it does not know', () => {
    renderWithApp(<Tabs />, { route: '/clients/c1?tab=nonsense' });
    expect(screen.getByText('Showing agreements')).toBeInTheDocument();
  });

  it('writes a change into the URL, drops what belonged to the old value, and Back returns', async () => {
    const { user, router } = renderWithApp(<Tabs />, {
      route: '/clients/c1?tab=tickets&ticketPage=3&view=compact',
    });

    await user.click(screen.getByRole('button', { name: 'contacts' }));
    expect(new URLSearchParams(search(router)).get('tab')).toBe('contacts');
    expect(new URLSearchParams(search(router)).get('ticketPage')).toBeNull();
    expect(new URLSearchParams(search(router)).get('view')).toBe('compact');

    await user.click(screen.getByRole('button', { name: 'agreements' }));
    expect(new URLSearchParams(search(router)).has('tab')).toBe(false);
    expect(screen.getByText('Showing agreements')).toBeInTheDocument();

    await router.navigate(-1);
    await waitFor(() => expect(screen.getByText('Showing contacts')).toBeInTheDocument());
  });
});

describe('withParams', () => {
  it('sets a value and removes a parameter for null or an empty value, keeping the rest', () => {
    const next = withParams(new URLSearchParams('q=acme&status=open&page=2'), {
      q: 'contoso',
      status: null,
      page: '',
      sort: '-name',
    });
    expect(next.toString()).toBe('q=contoso&sort=-name');
  });
});

describe('pageParam', () => {
  it('reads a whole page number from 1 up, and the first page for anything else', () => {
    expect(pageParam('3')).toBe(3);
    expect(pageParam(null)).toBe(1);
    expect(pageParam('0')).toBe(1);
    expect(pageParam('-2')).toBe(1);
    expect(pageParam('many')).toBe(1);
  });
});
