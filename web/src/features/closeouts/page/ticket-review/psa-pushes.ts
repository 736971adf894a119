import { useMemo } from 'react';
import type { TCloseoutPsaLink } from '../../../../../../src/server/integrations/schema.js';
import { useCloseoutPsaLink } from '../../../../api/integrations.js';

export type TPsaPush = TCloseoutPsaLink['pushes'][number];

const NO_PUSHES: ReadonlyMap<string, TPsaPush> = new Map();

/** The write-back of each ticket to its PSA, by ticket; none while the link is not known. */
export function useTicketPushes(closeoutId: string): ReadonlyMap<string, TPsaPush> {
  const link = useCloseoutPsaLink(closeoutId, { following: false });
  const pushes = link.data?.pushes;
  return useMemo(
    () =>
      pushes === undefined || pushes.length === 0
        ? NO_PUSHES
        : new Map(pushes.map((push) => [push.ticketId, push])),
    [pushes],
  );
}
