import { ColorSchemeScript, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, StrictMode, useMemo } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiProblem, whenSignedOut } from '../api/http.js';
import { sessionKey, useSession } from '../api/session.js';
import { routes } from './routes.js';
import { colorSchemeManager, DEFAULT_BRAND_COLOR, themeFor } from './theme.js';

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: true,
        // A refusal (4xx) will not change by asking again; a network failure might.
        retry: (failureCount, error) =>
          !(error instanceof ApiProblem && error.status >= 400 && error.status < 500) &&
          failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
}

export function App() {
  const queryClient = useMemo(() => {
    const client = createQueryClient();
    whenSignedOut(() => client.setQueryData(sessionKey, null));
    return client;
  }, []);
  const router = useMemo(() => createBrowserRouter(routes), []);
  return (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <BrandedTheme>
          <RouterProvider router={router} />
        </BrandedTheme>
      </QueryClientProvider>
    </StrictMode>
  );
}

/** The theme follows the signed-in organisation's colour; the system's light or dark by default. */
function BrandedTheme({ children }: { children: ReactNode }) {
  const session = useSession();
  const brandColor = session.data?.organisation.personalisation.primaryColor ?? DEFAULT_BRAND_COLOR;
  const theme = useMemo(() => themeFor(brandColor), [brandColor]);
  return (
    <>
      <ColorSchemeScript defaultColorScheme="auto" />
      <MantineProvider
        theme={theme}
        defaultColorScheme="auto"
        colorSchemeManager={colorSchemeManager}
      >
        <Notifications position="top-right" />
        {children}
      </MantineProvider>
    </>
  );
}
