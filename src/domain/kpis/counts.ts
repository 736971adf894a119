import { ZTrigger } from '../../blueprint/schema.js';
import { openedIn } from './calendar.js';
import type { KpiCloseout, KpiPeriod } from './inputs.js';
import { sumMoney } from './numbers.js';
import {
  type TCloseoutsByOutcome,
  type TCloseoutsByTrigger,
  type TOpenCloseoutsByStage,
  ZCloseoutStatus,
} from './report-schema.js';

function countBy<K extends string>(
  keys: readonly K[],
  closeouts: KpiCloseout[],
  keyOf: (closeout: KpiCloseout) => K,
): Record<K, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const closeout of closeouts) counts[keyOf(closeout)] += 1;
  return counts;
}

/** The closeouts opened in the period, by how they began. */
export function closeoutsByTrigger({
  closeouts,
  period,
}: {
  closeouts: KpiCloseout[];
  period: KpiPeriod;
}): TCloseoutsByTrigger {
  return countBy(ZTrigger.options, closeouts.filter(openedIn(period)), (c) => c.trigger);
}

/** The closeouts opened in the period, by where they stand now. */
export function closeoutsByOutcome({
  closeouts,
  period,
}: {
  closeouts: KpiCloseout[];
  period: KpiPeriod;
}): TCloseoutsByOutcome {
  return countBy(ZCloseoutStatus.options, closeouts.filter(openedIn(period)), (c) => c.status);
}

/**
 * Every closeout open now, by stage. Stages come in `stageOrder` (the definition's order), each
 * even when empty; a stage missing from it (one of an older definition) follows by key.
 */
export function openCloseoutsByStage({
  closeouts,
  stageOrder = [],
}: {
  closeouts: KpiCloseout[];
  stageOrder?: string[];
}): TOpenCloseoutsByStage {
  const mrrByStage = new Map<string, number[]>(stageOrder.map((stage) => [stage, []]));
  const open = closeouts.filter((closeout) => closeout.status === 'open');
  const unlisted = [...new Set(open.map((closeout) => closeout.stage))]
    .filter((stage) => !mrrByStage.has(stage))
    .sort();
  for (const stage of unlisted) mrrByStage.set(stage, []);
  for (const { stage, mrrAtRisk } of open) mrrByStage.get(stage)!.push(mrrAtRisk);
  return [...mrrByStage].map(([stage, amounts]) => ({
    stage,
    closeouts: amounts.length,
    mrrAtRisk: sumMoney(amounts),
  }));
}
