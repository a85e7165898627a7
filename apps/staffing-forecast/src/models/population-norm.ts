/**
 * Population norm: inspectors needed from the resident population alone.
 *
 *   FTE = population / residentsPerInspector(settlementType)
 *
 * The norm is configurable per settlement type. The defaults (urban 3,000, rural 2,000 residents per inspector)
 * follow the 2,000-3,000 range proposed in the seed material (000:L1517); the Ministry's own inspector load norm
 * (MVD Order No. 455 of 27 Nov 2007) has not been verified. Practitioners warn against population ratios as targets
 * (Wilson & Weiss 2012; Corona Solutions): use this model as a cross-check next to the workload model, not instead of it.
 */

export type SettlementType = 'urban' | 'rural';

export interface PopulationNormParameters {
  residentsPerInspector: Record<SettlementType, number>;
}

export const DEFAULT_POPULATION_NORM: PopulationNormParameters = Object.freeze({
  residentsPerInspector: Object.freeze({ urban: 3000, rural: 2000 }),
});

export const POPULATION_NORM_FORMULA = 'FTE = population / residents per inspector (by settlement type)';

export function populationNorm(
  input: { population: number; settlementType: SettlementType },
  parameters: PopulationNormParameters = DEFAULT_POPULATION_NORM,
): { fte: number; residentsPerInspector: number } {
  const { population, settlementType } = input;
  if (!Number.isFinite(population) || population < 0) {
    throw new RangeError(`population must be a finite number >= 0, got ${population}`);
  }
  if (!Object.prototype.hasOwnProperty.call(parameters.residentsPerInspector, settlementType)) {
    throw new RangeError(`unknown settlement type '${settlementType}'`);
  }
  const residentsPerInspector = parameters.residentsPerInspector[settlementType];
  if (!Number.isFinite(residentsPerInspector) || residentsPerInspector <= 0) {
    throw new RangeError(`residents per inspector for '${settlementType}' must be a finite number > 0, got ${residentsPerInspector}`);
  }
  return { fte: population / residentsPerInspector, residentsPerInspector };
}
