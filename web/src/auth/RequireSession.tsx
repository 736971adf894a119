import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../api/session.js';
import { ErrorState, LoadingState } from '../components/QueryState.js';

/** Screens behind the sign-in: without a session, go to the sign-in page and come back after. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <LoadingState label="Signing you in…" />;
  if (session.error !== null) {
    return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  }
  if (session.data === null) {
    const back = `${location.pathname}${location.search}${location.hash}`;
    return (
      <Navigate to={`/sign-in${back === '/' ? '' : `?next=${encodeURIComponent(back)}`}`} replace />
    );
  }
  return <>{children}</>;
}
