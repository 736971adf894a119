import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITION } from '../../blueprint/default-definition.js';
import { ZProcessDefinition } from '../../blueprint/schema.js';
import { detailReport } from './detail-report.js';
import { usesInWords } from './uses.js';

describe('the Detail Report’s data', () => {
  it('groups the tasks that use a KPI by sub-process, and lists a KPI no task feeds', () => {
    const definition = ZProcessDefinition.parse({
      ...DEFAULT_DEFINITION,
      kpis: [
        ...DEFAULT_DEFINITION.kpis,
        { key: 'nps', name: 'Net Promoter Score', definition: 'Asked at the end.', unit: 'count' },
      ],
    });
    const report = detailReport(definition, 'Harbour IT');
    const issues = report.kpis.find((kpi) => kpi.key === 'deactivation_issues')!;
    expect(issues.uses.map((use) => use.stage.code)).toEqual(['11a.04', '11b']);
    expect(usesInWords(issues.uses)).toBe(
      '11a.04: tasks 26, 27, 28\n11b: tasks 30, 31, 32, 33, 34, 39',
    );
    expect(issues.formula).toMatch(/until 30 days after it closed/);
    expect(report.kpis.at(-1)).toMatchObject({ key: 'nps', uses: [], formula: null });
    expect(usesInWords([])).toBe('No task');
  });

  it('refuses a KPI that names a task the definition does not have', () => {
    const result = ZProcessDefinition.safeParse({
      ...DEFAULT_DEFINITION,
      kpis: [{ ...DEFAULT_DEFINITION.kpis[0]!, tasks: ['t99'] }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['kpis', 0, 'tasks'],
      message: 'unknown task "t99"',
    });
  });
});
