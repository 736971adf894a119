import type { TTrigger } from '../blueprint/schema.js';
import type { RetentionDecision } from './model.js';

/**
 * The decisions open to each kind of ending: a client's notice is accepted, a provider's
 * termination is confirmed; either may instead be met with an attempt to keep the client. The
 * engine refuses any other, and the web app offers only these.
 */
export const DECISIONS_BY_TRIGGER: Record<TTrigger, readonly RetentionDecision[]> = {
  client_notice: ['attempt_retention', 'accept_cancellation'],
  mutual: ['attempt_retention', 'accept_cancellation'],
  provider_termination: ['attempt_retention', 'confirm_termination'],
};
