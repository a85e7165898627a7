/**
 * The six-stage management decision cycle (seed 004, lines 39569-39586) as the life of a commission
 * decision: diagnose -> collect information -> weigh alternatives -> decide -> implement and
 * allocate resources -> evaluate and learn. A decision moves one stage forward at a time, or back to
 * any earlier stage (new facts); it is implemented only with tasks, and evaluated only when every
 * task under it is closed. Plain rules.
 */
import { DECISION_STAGES, type DecisionStage } from '@seriktes/contracts';

export { DECISION_STAGES, type DecisionStage };

export type StageResult = { ok: true } | { ok: false; reason: string };

export function stageChange(from: DecisionStage, to: DecisionStage, tasks: { total: number; open: number }): StageResult {
  const i = DECISION_STAGES.indexOf(from);
  const j = DECISION_STAGES.indexOf(to);
  if (j < 0) return { ok: false, reason: `unknown stage ${to}` };
  if (i === j) return { ok: false, reason: `the decision is already at ${to}` };
  if (j > i + 1) return { ok: false, reason: `a decision moves one stage at a time: from ${from} the next is ${DECISION_STAGES[i + 1]}` };
  if (to === 'implement' && tasks.total === 0) return { ok: false, reason: 'give the decision at least one task before implementing it' };
  if (to === 'evaluate' && tasks.open > 0) return { ok: false, reason: `${tasks.open} task(s) of the decision are still open: close them before evaluating` };
  return { ok: true };
}
