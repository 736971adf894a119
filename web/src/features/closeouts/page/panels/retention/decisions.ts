import type { TTrigger } from '../../../../../../../src/blueprint/schema.js';
import type { TCloseoutDetail } from '../../../../../../../src/server/closeouts/schema.js';

type TRetentionDecision = NonNullable<TCloseoutDetail['retention']['decision']>;

/**
 * The decisions open to each kind of ending; the engine refuses any other
 * (src/domain/closeout/retention.ts). A client's notice is accepted, a provider's termination is
 * confirmed; either may instead be met with an attempt to retain the client.
 */
export const DECISIONS_BY_TRIGGER: Record<TTrigger, TRetentionDecision[]> = {
  client_notice: ['attempt_retention', 'accept_cancellation'],
  mutual: ['attempt_retention', 'accept_cancellation'],
  provider_termination: ['attempt_retention', 'confirm_termination'],
};

export const DECISION_DESCRIPTIONS: Record<TRetentionDecision, string> = {
  attempt_retention:
    'Open a Service Improvement Program: improvement actions with owners and due dates, then an outcome.',
  accept_cancellation: 'Let the client go, and move on to the closeout meeting.',
  confirm_termination: 'Go ahead with ending the agreement; an Executive approves it.',
};
