import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { usePortalMe } from '../api/portal.js';
import { ErrorState, LoadingState } from '../components/QueryState.js';

/** The portal's own pages: without a portal session, the way to a sign-in link. */
export function RequirePortalSession({ children }: { children: ReactNode }) {
  const me = usePortalMe();
  if (me.isPending) return <LoadingState label="Signing you in…" />;
  if (me.error !== null) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (me.data === null) return <Navigate to="/portal/sign-in" replace />;
  return <>{children}</>;
}
