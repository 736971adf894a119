import type { TLane, TTrigger } from '../../src/blueprint/schema.js';
import type { z } from 'zod';
import type { ZCloseoutStatus } from '../../src/server/closeouts/schema.js';

/** The words the screens use for the API's enumerations. */

export type TCloseoutStatus = z.infer<typeof ZCloseoutStatus>;

export const TRIGGER_LABELS: Record<TTrigger, string> = {
  client_notice: 'Client cancels',
  provider_termination: 'Provider terminates',
  mutual: 'Mutual agreement',
};

export const STATUS_LABELS: Record<TCloseoutStatus, string> = {
  open: 'In progress',
  retained: 'Retained',
  withdrawn: 'Withdrawn',
  terminated: 'Terminated',
};

export const STATUS_COLORS: Record<TCloseoutStatus, string> = {
  open: 'blue',
  retained: 'teal',
  withdrawn: 'gray',
  terminated: 'red',
};

export const LANE_LABELS: Record<TLane, string> = {
  client: 'Client actions',
  onstage: 'Onstage (visible to the client)',
  backstage: 'Backstage',
  support: 'Support systems',
};

export const options = <T extends string>(labels: Record<T, string>) =>
  (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }));
