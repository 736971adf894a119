import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { useDocumentTitle } from '../components/PageHeader.js';
import { EmptyState } from '../components/QueryState.js';

export function NotFoundPage() {
  useDocumentTitle('Not found');
  return (
    <EmptyState
      title="There is no page here"
      action={
        <Button component={Link} to="/" variant="light">
          Go to the dashboard
        </Button>
      }
    >
      The address may be mistyped, or the page may have moved.
    </EmptyState>
  );
}
