import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { useDocumentTitle } from '../components/PageHeader.js';
import { EmptyState } from '../components/QueryState.js';

export function PortalNotFound() {
  useDocumentTitle('Not found');
  return (
    <EmptyState
      title="There is no page here"
      action={
        <Button component={Link} to="/portal" variant="light">
          Go to the portal
        </Button>
      }
    >
      The address may be mistyped. Sign-in links arrive by email and work once.
    </EmptyState>
  );
}
