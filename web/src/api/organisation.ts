import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TSignedInUser } from '../../../src/server/auth/schema.js';
import type {
  TOrganisation,
  TPersonalisationRequest,
  TReasonTaxonomyBody,
} from '../../../src/server/organisation/schema.js';
import type { TSetupRequest } from '../../../src/server/setup/schema.js';
import { apiRequest } from './http.js';
import { sessionKey } from './session.js';

export const organisationKey = ['organisation'] as const;

/** The organisation's settings: its name, branding and reason taxonomy. */
export function useOrganisation() {
  return useQuery({
    queryKey: organisationKey,
    queryFn: ({ signal }) => apiRequest<TOrganisation>('/organisation', { signal }),
  });
}

/**
 * The name, logo, colour and own role and system names: the shell shows them from the session,
 * and the process definition is read with them, so both are read again.
 */
export function useUpdatePersonalisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (personalisation: TPersonalisationRequest) =>
      apiRequest<TOrganisation>('/organisation/personalisation', {
        method: 'PUT',
        body: personalisation,
      }),
    onSuccess: (organisation) => {
      queryClient.setQueryData(organisationKey, organisation);
      void queryClient.invalidateQueries({ queryKey: sessionKey });
      void queryClient.invalidateQueries({ queryKey: ['process'] });
    },
  });
}

export function useUpdateReasonTaxonomy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TReasonTaxonomyBody) =>
      apiRequest<TReasonTaxonomyBody>('/organisation/reason-taxonomy', { method: 'PUT', body }),
    onSuccess: ({ reasons }) => {
      queryClient.setQueryData<TOrganisation>(organisationKey, (organisation) =>
        organisation === undefined ? organisation : { ...organisation, reasons },
      );
      void queryClient.invalidateQueries({ queryKey: organisationKey });
    },
  });
}

/** The first-run setup; the answer is the signed-in user as they now are. */
export function useCompleteSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: TSetupRequest) =>
      apiRequest<TSignedInUser>('/setup', { method: 'POST', body: request }),
    onSuccess: (user) => {
      queryClient.setQueryData(sessionKey, user);
      void queryClient.invalidateQueries({ queryKey: organisationKey });
    },
  });
}
