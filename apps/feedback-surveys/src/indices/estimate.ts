/**
 * From stored cells (one row per weighting stratum) to a published figure: n, the estimate on
 * 0..100, its 95 % interval, the design effect, and suppression below the minimum n. Unweighted,
 * every stratum has weight 1; weighted, the strata are raked to the population margins of the
 * territory and the Kish design effect shows what the weights cost. Plain TypeScript.
 */
import type { AgeBand, Sex } from '../instruments/types';
import { estimateMean, estimateProportion, weightedMoments, type Estimate } from './statistics';
import { parseWeightKey, rakeWeights, type PopulationMargins } from './weighting';

export interface StratumSums {
  stratum: string;
  n: number;
  sumX: number;
  sumX2: number;
}

export interface Figure extends Estimate {
  /** Whether population weights were applied. */
  weighted: boolean;
}

/**
 * The figure of one indicator. `share` indicators hold 0/1 observations (published in %), the
 * others 0..100 scores. Suppression looks at the number of responses, never at the weighted size.
 */
export function estimateFigure(kind: 'share' | 'construct' | 'mean', strata: readonly StratumSums[], minN: number, margins?: PopulationMargins | null): Figure {
  let weightOf: (stratum: string) => number = () => 1;
  if (margins) {
    const cells = strata.map((s) => ({ ...parseWeightKey(s.stratum), n: s.n }));
    const rake = rakeWeights(cells as Array<{ sex: Sex | null; ageBand: AgeBand | null; n: number }>, margins);
    weightOf = (stratum) => {
      const p = parseWeightKey(stratum);
      return rake.weightOf(p.sex, p.ageBand);
    };
  }
  const moments = weightedMoments(strata.map((s) => ({ n: s.n, sumX: s.sumX, sumX2: s.sumX2, weight: weightOf(s.stratum) })));
  const estimate = kind === 'share' ? estimateProportion(moments, { minN }) : estimateMean(moments, { minN });
  return { ...estimate, weighted: Boolean(margins) };
}
