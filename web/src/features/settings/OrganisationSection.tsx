import type { ReactNode } from 'react';
import type { TOrganisation } from '../../../../src/server/organisation/schema.js';
import { useOrganisation } from '../../api/organisation.js';
import { useCan } from '../../api/session.js';
import { QueryState } from '../../components/QueryState.js';
import { SectionHeader } from '../../components/SectionHeader.js';
import { ReadOnlyNotice } from './ReadOnlyNotice.js';

/**
 * A settings section that edits the organisation: loads it, and tells whoever may not change
 * settings why its form is read-only.
 */
export function OrganisationSection({
  title,
  description,
  loadingLabel,
  children,
}: {
  title: string;
  description: string;
  loadingLabel: string;
  children: (organisation: TOrganisation, canManage: boolean) => ReactNode;
}) {
  const organisation = useOrganisation();
  const canManage = useCan('settings.manage');
  return (
    <>
      <SectionHeader title={title} description={description}>
        {!canManage && <ReadOnlyNotice />}
      </SectionHeader>
      <QueryState query={organisation} loadingLabel={loadingLabel}>
        {(loaded) => children(loaded, canManage)}
      </QueryState>
    </>
  );
}
