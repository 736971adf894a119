export { DECISIONS_BY_TRIGGER } from '../../../../../../../src/domain/retention-decisions.js';

import type { TCloseoutDetail } from '../../../../../../../src/server/closeouts/schema.js';

type TRetentionDecision = NonNullable<TCloseoutDetail['retention']['decision']>;

export const DECISION_DESCRIPTIONS: Record<TRetentionDecision, string> = {
  attempt_retention:
    'Open a Service Improvement Program: improvement actions with owners and due dates, then an outcome.',
  accept_cancellation: 'Let the client go, and move on to the closeout meeting.',
  confirm_termination: 'Go ahead with ending the agreement; an Executive approves it.',
};
