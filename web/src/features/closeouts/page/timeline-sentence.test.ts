import { describe, expect, it } from 'vitest';
import { buildDefinition, buildTimelineEvent } from '../../../../test/fixtures/closeout.js';
import { describeEvent } from './timeline-sentence.js';

const staffName = (userId: string | null) => (userId === 'u-2' ? 'Alex Account' : 'Unassigned');
const REASONS: Record<string, string> = { price: 'Price', responsiveness: 'Responsiveness' };
const reasonName = (reasonKey: string) => REASONS[reasonKey] ?? reasonKey;

describe('timeline sentences', () => {
  it('names the stage a closeout moved on to, from the definition', () => {
    const definition = buildDefinition();
    definition.stages[1]!.name = 'Farewell meeting';
    const described = describeEvent(
      buildTimelineEvent({
        action: 'advance_stage',
        before: { stage: 'retention_assessment' },
        after: { stage: 'closeout_meeting' },
      }),
      definition,
      staffName,
      reasonName,
    );
    expect(`${described.actor} ${described.phrase}`).toBe(
      'Sam Service moved the closeout on to 11a.02 Farewell meeting',
    );
    expect(described.changes).toEqual([
      {
        field: 'Stage',
        before: '11a.01 Internal Retention Assessment',
        after: '11a.02 Farewell meeting',
      },
    ]);
  });

  it('names the task an action settled and sums up the tasks that changed', () => {
    const described = describeEvent(
      buildTimelineEvent({
        action: 'complete_task',
        before: { tasks: { a: { name: 'Export the documentation', status: 'open' } } },
        after: { tasks: { a: { name: 'Export the documentation', status: 'done' } } },
      }),
      buildDefinition(),
      staffName,
      reasonName,
    );
    expect(described.phrase).toBe('completed “Export the documentation”');
    expect(described.changes).toEqual([{ field: 'Tasks', before: null, after: '1 task changed' }]);
  });

  it('shows people by name and leaves the first event without changes', () => {
    const definition = buildDefinition();
    expect(
      describeEvent(
        buildTimelineEvent({
          action: 'assign_owner',
          before: { ownerUserId: null },
          after: { ownerUserId: 'u-2' },
        }),
        definition,
        staffName,
        reasonName,
      ).changes,
    ).toEqual([{ field: 'Owner', before: 'Unassigned', after: 'Alex Account' }]);
    expect(describeEvent(buildTimelineEvent(), definition, staffName, reasonName)).toEqual({
      actor: 'Sam Service',
      phrase: 'opened the closeout',
      changes: [],
    });
  });

  it('names the reasons for cancelling by their labels', () => {
    expect(
      describeEvent(
        buildTimelineEvent({
          action: 'record_reasons',
          before: { reasons: { primary: null, contributing: [] } },
          after: { reasons: { primary: 'price', contributing: ['responsiveness', 'retired_one'] } },
        }),
        buildDefinition(),
        staffName,
        reasonName,
      ).changes,
    ).toEqual([
      { field: 'Reasons: primary', before: '—', after: 'Price' },
      { field: 'Reasons: contributing', before: '—', after: 'Responsiveness, retired_one' },
    ]);
  });

  it('reads an action it does not know as words', () => {
    expect(
      describeEvent(
        buildTimelineEvent({ action: 'reveal_secret', before: {}, after: {} }),
        buildDefinition(),
        staffName,
        reasonName,
      ).phrase,
    ).toBe('reveal secret');
  });
});
