import type { TProcessDefinition } from '../../blueprint/schema.js';
import type { EngineContext } from '../../domain/closeout/index.js';
import { completeTask } from '../../domain/closeout/index.js';
import type { Actor, Closeout, Ticket, TransitionContact } from '../../domain/model.js';
import type { DemoClient } from '../clients.js';
import type { Random } from '../random.js';
import type { DemoAction, Step } from '../simulate.js';
import type { DemoStaff } from '../staff.js';
import { OPEN_POINTS, type Story } from '../stories.js';
import type { Timeline } from '../timeline.js';

/** What every part of a closeout's script reads: its story, dates, people and records. */
export type ScriptContext = {
  story: Story;
  timeline: Timeline;
  staff: DemoStaff;
  client: DemoClient;
  /** The client's tickets as the PSA has them, before this closeout's review changes any. */
  tickets: Ticket[];
  transition: TransitionContact;
  definition: TProcessDefinition;
  random: Random;
};

export const action = (
  name: string,
  actor: Actor,
  act: (closeout: Closeout, context: EngineContext) => Closeout,
): DemoAction => ({ name, actor, act });

export const step = (at: string, ...actions: DemoAction[]): Step => ({
  at,
  actions: () => actions,
});

/** Completes the closeout's open task `taskKey`, if it has one when the step runs. */
export function completeTaskStep(
  at: string,
  taskKey: string,
  actor: Actor,
  evidence: string,
): Step {
  return {
    at,
    actions: (closeout) => {
      const task = closeout.tasks.find(
        (candidate) => candidate.taskKey === taskKey && candidate.status === 'open',
      );
      return task === undefined
        ? []
        : [
            action('complete_task', actor, (current, context) =>
              completeTask(current, { taskId: task.id, evidence }, context),
            ),
          ];
    },
  };
}

/** Whether the story goes on into a part of the process. */
export function reaches(story: Story, part: 'meeting' | 'preparation' | 'session'): boolean {
  if (story.ending === 'terminated') return true;
  if (story.ending === 'withdrawn') {
    return part === 'meeting' && story.withdrawnIn === 'closeout_meeting';
  }
  if (story.ending === 'retained') return false;
  const from = {
    meeting: 'meeting_scheduled',
    preparation: 'preparing_session',
    session: 'deactivating',
  } as const;
  return OPEN_POINTS.indexOf(story.point!) >= OPEN_POINTS.indexOf(from[part]);
}
