import { expect } from 'vitest';
import { DEFAULT_DEFINITION } from '../../src/blueprint/default-definition.js';

/** The key of the default process's task with this number (e.g. `11a.03.2`). */
export function defaultTaskKey(number: string): string {
  const task = DEFAULT_DEFINITION.tasks.find((candidate) => candidate.number === number);
  if (task === undefined) throw new Error(`no task ${number}`);
  return task.key;
}

/**
 * A drawing of the default process names every sub-process (code and name) and every task; a
 * task by its first two words, as its box may wrap the rest.
 */
export function expectEveryStageAndTask(text: string): void {
  for (const stage of DEFAULT_DEFINITION.stages) {
    expect(text).toContain(stage.code);
    expect(text).toContain(stage.name);
  }
  for (const task of DEFAULT_DEFINITION.tasks) {
    expect(text).toContain(task.name.split(/\s+/).slice(0, 2).join(' '));
  }
}
