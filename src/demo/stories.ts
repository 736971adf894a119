import type { TTrigger } from '../blueprint/schema.js';
import type { Random } from './random.js';

/**
 * What happens to each closeout of the demo: how it began, how the retention assessment went,
 * how it ended or where it stands today. The first stories are a fixed showcase that covers
 * every stage, outcome and trigger; further ones (for larger demos) are drawn at random.
 */

/** Where an open closeout stands today. */
export const OPEN_POINTS = [
  'assessing',
  'awaiting_approval',
  'sip_running',
  'meeting_scheduled',
  'reviewing_tickets',
  'preparing_session',
  'deactivating',
] as const;
export type OpenPoint = (typeof OPEN_POINTS)[number];

export type Story = {
  trigger: TTrigger;
  /** accept: accept the cancellation (or confirm a provider termination); otherwise a SIP runs. */
  retention: 'accept' | 'sip_retained' | 'sip_not_retained';
  ending: 'open' | 'retained' | 'withdrawn' | 'terminated';
  point: OpenPoint | null;
  withdrawnIn: 'retention_assessment' | 'closeout_meeting' | null;
  /** The former client signs a new agreement some months after leaving. */
  returns: boolean;
  deactivationIssues: number;
};

const story = (fields: Partial<Story> & Pick<Story, 'trigger' | 'ending'>): Story => ({
  retention: 'accept',
  point: null,
  withdrawnIn: null,
  returns: false,
  deactivationIssues: 0,
  ...fields,
});

export const SHOWCASE_STORIES: readonly Story[] = [
  story({ trigger: 'client_notice', ending: 'terminated', deactivationIssues: 2 }),
  story({ trigger: 'client_notice', ending: 'open', point: 'assessing' }),
  story({ trigger: 'client_notice', ending: 'retained', retention: 'sip_retained' }),
  story({ trigger: 'provider_termination', ending: 'open', point: 'awaiting_approval' }),
  story({ trigger: 'client_notice', ending: 'withdrawn', withdrawnIn: 'closeout_meeting' }),
  story({ trigger: 'mutual', ending: 'open', point: 'meeting_scheduled' }),
  story({ trigger: 'client_notice', ending: 'terminated', returns: true }),
  story({ trigger: 'client_notice', ending: 'open', point: 'reviewing_tickets' }),
  story({ trigger: 'provider_termination', ending: 'terminated', deactivationIssues: 1 }),
  story({ trigger: 'provider_termination', ending: 'open', point: 'preparing_session' }),
  story({ trigger: 'mutual', ending: 'terminated', retention: 'sip_not_retained' }),
  story({
    trigger: 'mutual',
    ending: 'open',
    point: 'deactivating',
    retention: 'sip_not_retained',
  }),
  story({ trigger: 'mutual', ending: 'retained', retention: 'sip_retained' }),
  story({
    trigger: 'client_notice',
    ending: 'open',
    point: 'sip_running',
    retention: 'sip_not_retained',
  }),
];

function randomStory(random: Random): Story {
  const trigger = random.weighted<TTrigger>([
    ['client_notice', 70],
    ['provider_termination', 12],
    ['mutual', 18],
  ]);
  const ending = random.weighted<Story['ending'] | 'returned'>([
    ['terminated', 50],
    ['open', 25],
    ['retained', 12],
    ['withdrawn', 8],
    ['returned', 5],
  ]);
  switch (ending) {
    case 'retained':
      return story({ trigger, ending, retention: 'sip_retained' });
    case 'withdrawn':
      return story({
        trigger,
        ending,
        withdrawnIn: random.pick(['retention_assessment', 'closeout_meeting'] as const),
      });
    case 'terminated':
    case 'returned':
      return story({
        trigger,
        ending: 'terminated',
        retention: random.chance(0.25) ? 'sip_not_retained' : 'accept',
        returns: ending === 'returned',
        deactivationIssues: random.weighted([
          [0, 65],
          [1, 25],
          [2, 10],
        ]),
      });
    case 'open': {
      const point = random.pick(OPEN_POINTS);
      if (point === 'awaiting_approval') {
        return story({ trigger: 'provider_termination', ending, point });
      }
      const retention =
        point === 'sip_running' || (point !== 'assessing' && random.chance(0.2))
          ? 'sip_not_retained'
          : 'accept';
      return story({ trigger, ending, point, retention });
    }
  }
}

/** The stories of `count` closeouts: the showcase first, then random ones. */
export function planStories(count: number, random: Random): Story[] {
  return Array.from(
    { length: count },
    (_, index) => SHOWCASE_STORIES[index] ?? randomStory(random),
  );
}
