import { describe, expect, it } from 'vitest';
import {
  AGREEMENTS,
  engineContext,
  NOTICE_ON,
  NOW,
  openedCloseout,
  refusal,
} from '../../../test/support/closeout-scenarios.js';
import { openCloseout } from './open.js';

const input = {
  id: 'co-1',
  orgId: 'org-1',
  reference: 'CO-0042',
  clientId: 'client-1',
  trigger: 'client_notice' as const,
  noticeEvidence: 'Email',
  ownerUserId: null,
};

describe('openCloseout', () => {
  it('opens in the first stage with the revenue at risk and the earliest termination date', () => {
    const closeout = openedCloseout('client_notice');
    expect(closeout).toMatchObject({
      stage: 'retention_assessment',
      status: 'open',
      version: 1,
      definitionKey: 'msp-11a',
      definitionVersion: 1,
      noticeReceivedOn: NOTICE_ON,
      openedAt: NOW,
      openedBy: 'Sam Service',
      endedAt: null,
      mrrAtRisk: 1349.3,
      earliestTerminationDate: '2025-04-30',
      acknowledgedAt: null,
    });
    expect(closeout.retention.decision).toBeNull();
    expect(closeout.ticketReviews).toEqual([]);
  });

  it('accepts a notice received today', () => {
    const closeout = openCloseout(
      { ...input, noticeReceivedOn: '2025-04-30' },
      AGREEMENTS,
      engineContext(),
    );
    expect(closeout.noticeReceivedOn).toBe('2025-04-30');
  });

  it('refuses a notice date in the future', () => {
    const error = refusal(() =>
      openCloseout({ ...input, noticeReceivedOn: '2025-05-01' }, AGREEMENTS, engineContext()),
    );
    expect(error.code).toBe('validation');
    expect(error.field).toBe('noticeReceivedOn');
  });
});
