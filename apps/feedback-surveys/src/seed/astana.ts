/**
 * The Astana demo of the surveys, as data: which precincts and police units answer, how they
 * differ, and the population margins the area survey is weighted to. Everything here is invented
 * for the demo (no real survey results); the precinct codes are those of the roster's demo
 * territory (apps/inspector-roster/src/seed: AST-ESL-01 is the precinct of the demo inspector
 * ast.esil.01, AST-ESL-02 that of ast.esil.02).
 */
import type { PopulationMargins } from '../indices/weighting';

/**
 * A precinct of the demo. `level` is its latent standing in the current month on a z-like scale
 * (0: a typical precinct; +0.5: clearly more trust and feeling of safety; -0.5: clearly less);
 * `trend` is the change of that level per month (so 11 months ago it was `level - 11 × trend`).
 */
export interface PrecinctProfile {
  code: string;
  level: number;
  trend: number;
}

/** A police unit (district) of the staff pulse: its latent staff satisfaction and trend, and its usual number of answers a month. */
export interface UnitProfile {
  code: string;
  level: number;
  trend: number;
  staff: number;
}

/** Two precincts in each of Astana's five districts. */
export const ASTANA_PRECINCTS: readonly PrecinctProfile[] = [
  // Yesil (left bank, new and well kept): the highest trust and safety of the city.
  { code: 'AST-ESL-01', level: 0.55, trend: 0.02 },
  { code: 'AST-ESL-02', level: 0.4, trend: 0.01 },
  // Saryarka (old right bank): the lowest, AST-SAR-01 improving clearly through the year.
  { code: 'AST-SAR-01', level: -0.45, trend: 0.035 },
  { code: 'AST-SAR-02', level: -0.25, trend: 0.02 },
  // Almaty district: AST-ALM-02 is the one precinct getting worse.
  { code: 'AST-ALM-01', level: 0.05, trend: 0.02 },
  { code: 'AST-ALM-02', level: -0.35, trend: -0.025 },
  { code: 'AST-BAI-01', level: 0.15, trend: 0.02 },
  { code: 'AST-BAI-02', level: 0.3, trend: 0.01 },
  { code: 'AST-NUR-01', level: -0.1, trend: 0.03 },
  { code: 'AST-NUR-02', level: 0, trend: 0.02 },
];

/** The five Astana units and their staff pulse (answers a month vary around `staff`). */
export const ASTANA_UNITS: readonly UnitProfile[] = [
  { code: 'AST-ESL', level: 0.35, trend: 0.01, staff: 38 },
  { code: 'AST-SAR', level: -0.3, trend: 0.02, staff: 34 },
  { code: 'AST-ALM', level: 0, trend: -0.01, staff: 40 },
  { code: 'AST-BAI', level: 0.1, trend: 0.01, staff: 30 },
  { code: 'AST-NUR', level: -0.1, trend: 0.02, staff: 28 },
];

/**
 * Population margins of Astana (residents aged 16 and over) by sex and age band, used to weight
 * the area survey. APPROXIMATE: rounded shares of a young city (median age about 30) put together
 * for the demo, not official statistics; replace them with the Bureau of National Statistics
 * figures through `setPopulationMargins` before publishing weighted results.
 */
export const ASTANA_MARGINS: PopulationMargins = {
  sex: { female: 0.52, male: 0.48 },
  ageBand: { '16-24': 0.16, '25-34': 0.27, '35-44': 0.23, '45-59': 0.2, '60+': 0.14 },
};

export const ASTANA_MARGINS_SOURCE = 'Demo data: approximate shares of Astana residents aged 16+ by sex and age band (rounded, not official statistics)';
