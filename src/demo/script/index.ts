import type { Closeout } from '../../domain/model.js';
import type { Step } from '../simulate.js';
import { minutesAfter } from '../time.js';
import { reaches, type ScriptContext } from './context.js';
import { deactivationSteps } from './deactivation.js';
import { preparationSteps, sessionSteps } from './deactivation-session.js';
import { advanceStep, meetingSteps } from './meeting.js';
import { retentionSteps } from './retention.js';
import { ticketReviewSteps } from './ticket-review.js';

export type { ScriptContext } from './context.js';

/** Every step of a closeout's story, stage by stage, as far as the story goes. */
export function closeoutSteps(script: ScriptContext): Step[] {
  const { story, timeline } = script;
  const steps = retentionSteps(script);
  if (!reaches(story, 'meeting')) return steps;
  steps.push(
    advanceStep(script, minutesAfter(timeline.resolvedAt, 30)),
    ...meetingSteps(script, (pulled: Closeout) => ticketReviewSteps(script, pulled)),
  );
  if (!reaches(story, 'preparation')) return steps;
  steps.push(
    advanceStep(script, minutesAfter(timeline.dispositionsAt, 60)),
    ...preparationSteps(script),
  );
  if (!reaches(story, 'session')) return steps;
  return [...steps, ...sessionSteps(script), ...deactivationSteps(script)];
}
