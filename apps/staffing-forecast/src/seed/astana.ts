/**
 * The Astana demo of the staffing forecast, as data: the districts and precincts of the roster's
 * demo territory, how requests of each category of the citizen-requests catalogue behave through
 * the year, and how the districts differ. Everything here is invented for the demo (no real
 * police statistics); it is meant to look like a city of about 1.5 million residents served by
 * one district inspector per 3,000-4,000 of them.
 */

/**
 * Astana's five city districts as the roster's demo seed creates them (copied from
 * apps/inspector-roster/src/seed/districts.ts, populations, and the precinct counts its tiling
 * gives with seed 20250101: codes AST-ESL-01 .. AST-ESL-72 and so on, see `precinctCode` in
 * apps/inspector-roster/src/seed/generate.ts). Not imported: an app never imports another app.
 * If the roster's demo territory changes, these constants must follow.
 */
export interface DistrictProfile {
  code: string;
  population: number;
  precincts: number;
  /** Residents' growth a year (Nura and Yesil are where the city builds). */
  growth: number;
  /** Multipliers of the city's rates for this district, by category (1 where not listed). */
  categories: Readonly<Record<string, number>>;
}

export const ASTANA_DISTRICTS: readonly DistrictProfile[] = [
  // Almaty district: old and new housing, the most precincts; many families.
  { code: 'AST-ALM', population: 380_000, precincts: 105, growth: 0.02, categories: { minors: 1.15, 'domestic-violence': 1.1, 'neighbour-dispute': 1.05 } },
  // Baikonyr: the railway station, markets and industry: drinking, lost papers, migrants.
  { code: 'AST-BAI', population: 280_000, precincts: 80, growth: 0.015, categories: { 'alcohol-drugs': 1.2, migration: 1.3, 'lost-documents': 1.3, 'public-order-noise': 1.05 } },
  // Yesil (left bank): offices, malls, night life, cars, and online money.
  { code: 'AST-ESL', population: 250_000, precincts: 72, growth: 0.04, categories: { 'internet-fraud': 1.2, 'traffic-parking': 1.4, 'public-order-noise': 1.1, 'domestic-violence': 0.8, migration: 1.2, 'alcohol-drugs': 0.9 } },
  // Saryarka (old right bank): the most domestic violence, drinking and disputes.
  { code: 'AST-SAR', population: 350_000, precincts: 100, growth: 0.01, categories: { 'domestic-violence': 1.25, 'alcohol-drugs': 1.3, 'public-order-noise': 1.15, 'neighbour-dispute': 1.15, minors: 1.1 } },
  // Nura: the newest and fastest growing, young families in new blocks.
  { code: 'AST-NUR', population: 240_000, precincts: 68, growth: 0.08, categories: { minors: 1.2, 'neighbour-dispute': 1.1, 'traffic-parking': 1.1, 'domestic-violence': 0.95 } },
];

/** `AST-ESL` and 1 → `AST-ESL-01` (the roster's numbering: two digits, three from 100). */
export function precinctCode(districtCode: string, number: number): string {
  return `${districtCode}-${String(number).padStart(2, '0')}`;
}

/**
 * How one category of requests behaves (the codes of the citizen-requests catalogue,
 * apps/citizen-requests/src/categories/catalogue.ts):
 * - `rate`: requests a month per 1,000 residents, at the latest month, averaged over the year;
 * - `season`: amplitude of the yearly cycle, peaking in calendar month `peak` (1-12):
 *   factor 1 + season × cos(2π (month − peak) / 12);
 * - `trend`: change a year besides population growth (internet fraud keeps rising);
 * - `line102`: share of them that arrive as line-102 calls;
 * - `elapsedHours`: mean time from assignment to answer (mostly waiting, not effort);
 * - `units`: inspectors assigned per answered request, on average.
 */
export interface CategoryProfile {
  code: string;
  rate: number;
  season: number;
  peak: number;
  trend: number;
  line102: number;
  elapsedHours: number;
  units: number;
}

export const CATEGORY_PROFILES: readonly CategoryProfile[] = [
  // Winter peak: long evenings at home, the New Year holidays.
  { code: 'domestic-violence', rate: 0.9, season: 0.16, peak: 1, trend: 0.02, line102: 0.55, elapsedHours: 70, units: 1.35 },
  // Rising fast; a little more before the New Year (online shopping).
  { code: 'internet-fraud', rate: 0.85, season: 0.06, peak: 12, trend: 0.22, line102: 0.08, elapsedHours: 190, units: 1.05 },
  // Summer peak: open windows, courtyards, terraces.
  { code: 'public-order-noise', rate: 1.5, season: 0.4, peak: 7, trend: 0, line102: 0.6, elapsedHours: 30, units: 1.2 },
  // More while schools are out.
  { code: 'minors', rate: 0.45, season: 0.15, peak: 7, trend: 0.03, line102: 0.15, elapsedHours: 110, units: 1.15 },
  // Summer peak, with the outdoor season.
  { code: 'alcohol-drugs', rate: 0.7, season: 0.28, peak: 7, trend: -0.02, line102: 0.45, elapsedHours: 50, units: 1.2 },
  { code: 'traffic-parking', rate: 1.3, season: 0.12, peak: 8, trend: 0.05, line102: 0.12, elapsedHours: 40, units: 1 },
  { code: 'neighbour-dispute', rate: 0.95, season: 0.1, peak: 6, trend: 0, line102: 0.3, elapsedHours: 120, units: 1.05 },
  // Seasonal workers arrive in spring and leave in autumn.
  { code: 'migration', rate: 0.3, season: 0.12, peak: 8, trend: 0.04, line102: 0.05, elapsedHours: 150, units: 1.1 },
  { code: 'lost-documents', rate: 0.55, season: 0.12, peak: 7, trend: -0.03, line102: 0.02, elapsedHours: 45, units: 1 },
  { code: 'officer-complaint', rate: 0.1, season: 0, peak: 1, trend: 0, line102: 0.05, elapsedHours: 240, units: 1.1 },
  // Spring: residents' meetings about lighting, playgrounds and courtyards.
  { code: 'precinct-proposal', rate: 0.12, season: 0.2, peak: 5, trend: 0.05, line102: 0, elapsedHours: 210, units: 1 },
  { code: 'crime-threat-tip', rate: 0.22, season: 0.05, peak: 8, trend: 0, line102: 0.35, elapsedHours: 36, units: 1.3 },
  { code: 'other', rate: 0.45, season: 0, peak: 1, trend: 0, line102: 0.1, elapsedHours: 100, units: 1 },
];

/** Share of requests answered (the rest are withdrawn, passed to another body or still open). */
export const ANSWERED_SHARE = 0.96;

/**
 * Workforce of the district police bodies: authorised posts of district inspectors about 10 %
 * above the filled ones, turnover by reason a year (about 11 % in all, as for local police), and
 * the months from a hiring decision to an inspector on the street.
 */
export const WORKFORCE = {
  vacancyShare: 0.09,
  annualDepartures: { retirement: 0.025, own_request: 0.05, negative: 0.013, transfer: 0.015, other: 0.007 },
  /** Share of the filled posts expected to retire within the next 12 months. */
  expectedRetirementShare: 0.03,
  trainingLeadMonths: 6,
  /** Who enters the facts in the demo realm (deploy/keycloak: hr_planner of AST). */
  enteredBy: 'ast.hr',
} as const;
