import { describe, expect, it } from 'vitest';
import { buildDefinition } from '../../../../test/fixtures/closeout.js';
import { gateHref, gatesFixedIn, stageKeyOfGate } from './gate-links.js';

describe('gate links', () => {
  it("finds a stage gate on the stage it guards, a closing gate on its tasks' stage", () => {
    const definition = buildDefinition();
    expect(stageKeyOfGate(definition, 'meeting_held')).toBe('closeout_meeting');
    expect(stageKeyOfGate(definition, 'backup_received')).toBe('deactivation_session');
    expect(stageKeyOfGate(definition, 'unknown')).toBeNull();
  });

  it('links to the stage panel and the gate anchor, or the fallback stage', () => {
    const definition = buildDefinition();
    expect(gateHref(definition, 'tickets_resolved', 'deactivation')).toBe(
      '?stage=ticket_review#gate-tickets_resolved',
    );
    expect(gateHref(definition, 'unknown', 'deactivation')).toBe(
      '?stage=deactivation#gate-unknown',
    );
  });

  it('follows a renamed gate by its milestone', () => {
    const definition = buildDefinition();
    const gate = definition.gates.find((candidate) => candidate.milestone === 'meeting_held')!;
    gate.key = 'client_meeting_done';
    definition.stages[1]!.exitGates = ['client_meeting_done'];
    expect(gatesFixedIn(definition, 'closeout_meeting', ['meeting_held'])).toEqual([
      'client_meeting_done',
    ]);
    expect(gatesFixedIn(definition, 'retention_assessment', ['meeting_held'])).toEqual([]);
  });
});
