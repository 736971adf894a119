import { describe, expect, it } from 'vitest';
import {
  atTicketReview,
  MEETING_AT,
  NOTICE_ON,
  openedCloseout,
  TERMINATION_ON,
} from '../../test/support/closeout-scenarios.js';
import { DEFAULT_DEFINITION } from '../blueprint/default-definition.js';
import { addDaysToDate } from './calendar.js';
import { projectPlan } from './plan.js';

const planTask = (plan: ReturnType<typeof projectPlan>, taskKey: string) => {
  const task = plan.tasks.find((candidate) => candidate.taskKey === taskKey);
  if (task === undefined) throw new Error(`no task ${taskKey} in the plan`);
  return task;
};

describe('the projected plan of a closeout', () => {
  it('dates every task of every stage of a closeout just opened, projecting the dates still to be agreed', () => {
    const closeout = openedCloseout();
    const plan = projectPlan(DEFAULT_DEFINITION, closeout, '2025-03-07');
    const termination = closeout.earliestTerminationDate!;
    const meeting = addDaysToDate(NOTICE_ON, 10, 'business');

    expect(plan.anchors).toEqual([
      { anchor: 'notice', date: NOTICE_ON, kind: 'known' },
      { anchor: 'termination', date: termination, kind: 'projected' },
      { anchor: 'meeting', date: meeting, kind: 'projected' },
      { anchor: 'session', date: termination, kind: 'projected' },
    ]);
    // Every task that applies to a client's notice without a retention attempt, in process order.
    const expected = DEFAULT_DEFINITION.tasks
      .filter((task) => task.appliesWhen === undefined)
      .map((task) => task.key);
    expect(plan.tasks.map((task) => task.taskKey)).toEqual(expected);

    expect(planTask(plan, 't01')).toMatchObject({ status: 'done', date: NOTICE_ON });
    expect(planTask(plan, 't02')).toMatchObject({
      status: 'open',
      dateKind: 'due',
      date: addDaysToDate(NOTICE_ON, 1, 'business'),
    });
    expect(planTask(plan, 't11')).toMatchObject({
      status: 'planned',
      dateKind: 'due',
      taskId: null,
      date: addDaysToDate(NOTICE_ON, 6, 'business'),
    });
    expect(planTask(plan, 't12')).toMatchObject({
      status: 'planned',
      dateKind: 'projected',
      date: addDaysToDate(meeting, -1, 'business'),
    });
    expect(planTask(plan, 't23')).toMatchObject({
      dateKind: 'projected',
      date: addDaysToDate(termination, -3, 'business'),
    });
    expect(planTask(plan, 't36')).toMatchObject({
      dateKind: 'projected',
      date: addDaysToDate(termination, 30, 'calendar'),
    });
    // "Per action" and "continuous" tasks have no date to project.
    expect(planTask(plan, 't22')).toMatchObject({ date: null, dateKind: 'none' });
    expect(plan.stages.map((stage) => [stage.code, stage.reached, stage.dateKind])).toEqual([
      ['11a.01', true, 'due'],
      ['11a.02', false, 'due'],
      ['11a.03', false, 'projected'],
      ['11a.04', false, 'projected'],
      ['11b', false, 'projected'],
    ]);
  });

  it('counts from the agreed dates once the meeting settled them, and marks late tasks', () => {
    const closeout = atTicketReview();
    const plan = projectPlan(DEFAULT_DEFINITION, closeout, '2025-04-29');
    expect(plan.anchors.map((anchor) => anchor.kind)).toEqual(['known', 'known', 'known', 'known']);
    expect(plan.anchors.find((anchor) => anchor.anchor === 'meeting')?.date).toBe(
      MEETING_AT.slice(0, 10),
    );
    const review = planTask(plan, 't18');
    expect(review.status).toBe('open');
    expect(review.taskId).not.toBeNull();
    expect(review).toMatchObject({
      dateKind: 'due',
      date: addDaysToDate(TERMINATION_ON, -10, 'business'),
      overdue: true,
    });
    expect(planTask(plan, 't32')).toMatchObject({
      status: 'planned',
      dateKind: 'due',
      date: TERMINATION_ON,
      overdue: false,
    });
    expect(planTask(plan, 't02')).toMatchObject({ status: 'done', overdue: false });
    expect(plan.tasks.filter((task) => task.dateKind === 'projected')).toEqual([]);
  });

  it('plans nothing more for a closeout that has ended', () => {
    const closeout = { ...openedCloseout(), status: 'retained' as const };
    const plan = projectPlan(DEFAULT_DEFINITION, closeout, '2025-03-07');
    expect(plan.tasks.some((task) => task.status === 'planned')).toBe(false);
    expect(plan.tasks.length).toBe(closeout.tasks.length + 1);
  });
});
