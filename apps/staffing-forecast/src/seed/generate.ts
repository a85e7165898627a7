/**
 * Synthetic inputs of the staffing forecast for the demo (and the benchmark), deterministic:
 * every figure comes from a named PRNG stream, so the same plan gives the same rows on every run.
 * Plain TypeScript, no framework, no database.
 *
 * Workload (`workload_month`, the monthly sums the request events fill): per precinct and
 * category, requests a month are Poisson around
 *   residents / 1,000 × rate × district and precinct factors × (1 + growth)^years × (1 + trend)^years
 *   × (1 + season × cos(2π (month − peak) / 12)),
 * with `years` counted back from the latest month (so the rates are those of the latest year).
 * Of them a binomial share came by line 102. Answers fall in the month of the request or, for
 * categories that take longer, partly in the next one; their elapsed hours and units (inspectors
 * per answer) scatter around the category's means. Precincts differ: residents ±25 %, a factor
 * per precinct and per precinct × category, and a few hot spots (stations, markets, night life).
 *
 * Commission tasks (`task_fact`): a few police tasks a month, mostly for districts, some for a
 * precinct or the whole city, over the last 12 months.
 *
 * Workforce facts: per district and month, authorised posts about 10 % above the filled ones,
 * departures by reason at local-police turnover rates, hires that keep the vacancy near its usual
 * level, expected retirements, and the training lead time.
 */
import type { WorkforceFact } from '../workforce/facts';
import { ANSWERED_SHARE, ASTANA_DISTRICTS, CATEGORY_PROFILES, precinctCode, WORKFORCE, type CategoryProfile, type DistrictProfile } from './astana';
import { binomial, integer, lognormalFactor, poisson, stream, uuid, type Random } from './random';

export const DEMO_SEED = 20261122;

/** Spread of precincts: residents, the precinct's own level, and its level per category. */
const RESIDENTS_SIGMA = 0.22;
const PRECINCT_SIGMA = 0.12;
const CATEGORY_SIGMA = 0.15;
/** Share of hot-spot precincts and what they draw more of. */
const HOT_SHARE = 0.04;
const HOT_FACTORS: Readonly<Record<string, number>> = { 'public-order-noise': 1.5, 'alcohol-drugs': 1.5, 'lost-documents': 1.4, 'traffic-parking': 1.3, 'internet-fraud': 1.1 };

export interface PrecinctPlan {
  code: string;
  districtCode: string;
  /** Residents the demo's rates apply to (not the roster's own figure, which the roster keeps). */
  residents: number;
  /** Growth of its residents a year. */
  growth: number;
  hot: boolean;
  /** Multiplier of the city's rate by category: the district's, the precinct's and the hot spot's. */
  factors: Readonly<Record<string, number>>;
}

export interface WorkloadRow {
  precinctCode: string;
  category: string;
  /** First day of the month, e.g. 2026-10-01. */
  month: string;
  requests: number;
  line102: number;
  answered: number;
  elapsedHours: number;
  units: number;
}

export interface TaskRow {
  taskId: string;
  territoryCode: string;
  month: string;
}

/**
 * One precinct: its own level, per-category levels and, for a few, a hot spot, on top of its
 * district's factors (`districtFactors`, 1 where a category is not listed).
 */
export function planPrecinct(
  seed: number,
  precinct: { code: string; districtCode: string; residents: number; growth: number },
  districtFactors: Readonly<Record<string, number>> = {},
  categories: readonly CategoryProfile[] = CATEGORY_PROFILES,
): PrecinctPlan {
  const own = stream(seed, `precinct:${precinct.code}`);
  const level = lognormalFactor(own, PRECINCT_SIGMA);
  const hot = own() < HOT_SHARE;
  const factors: Record<string, number> = {};
  for (const c of categories) factors[c.code] = (districtFactors[c.code] ?? 1) * level * lognormalFactor(own, CATEGORY_SIGMA) * (hot ? (HOT_FACTORS[c.code] ?? 1) : 1);
  return { ...precinct, hot, factors };
}

/** The precincts of one district: residents split ±25 % around the mean, summing to the district's population. */
export function planDistrict(seed: number, district: DistrictProfile, categories: readonly CategoryProfile[] = CATEGORY_PROFILES): PrecinctPlan[] {
  const random = stream(seed, `precincts:${district.code}`);
  const weights = Array.from({ length: district.precincts }, () => Math.min(1.6, Math.max(0.6, lognormalFactor(random, RESIDENTS_SIGMA))));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w, i) =>
    planPrecinct(seed, { code: precinctCode(district.code, i + 1), districtCode: district.code, residents: Math.round((district.population * w) / sum), growth: district.growth }, district.categories, categories),
  );
}

/** Every Astana precinct of the roster's demo territory, district by district. */
export function astanaPrecincts(seed = DEMO_SEED): PrecinctPlan[] {
  return ASTANA_DISTRICTS.flatMap((d) => planDistrict(seed, d));
}

/** Seasonal factor of a calendar month (1-12). */
export function seasonal(category: CategoryProfile, calendarMonth: number): number {
  return 1 + category.season * Math.cos((2 * Math.PI * (calendarMonth - category.peak)) / 12);
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The monthly rows of one precinct and category over `months` (oldest first); months with nothing are left out. */
export function categoryWorkload(seed: number, precinct: PrecinctPlan, category: CategoryProfile, months: readonly string[]): WorkloadRow[] {
  const random = stream(seed, `workload:${precinct.code}:${category.code}`);
  const base = (precinct.residents / 1000) * category.rate * (precinct.factors[category.code] ?? 1);
  // Share of a month's answers that fall in the next month: more for the slow categories.
  const spill = Math.min(0.8, category.elapsedHours / (24 * 30));
  const last = months.length - 1;
  const out: WorkloadRow[] = [];
  let previous: number | null = null;
  months.forEach((month, k) => {
    const years = (k - last) / 12;
    const lambda = base * (1 + precinct.growth) ** years * (1 + category.trend) ** years * seasonal(category, Number(month.slice(5, 7)));
    const requests = poisson(random, lambda);
    const line102 = binomial(random, requests, category.line102);
    const answered = binomial(random, requests, ANSWERED_SHARE * (1 - spill)) + binomial(random, previous ?? requests, ANSWERED_SHARE * spill);
    const elapsedHours = answered > 0 ? round1(answered * category.elapsedHours * lognormalFactor(random, 0.2)) : 0;
    const units = answered + binomial(random, answered, Math.max(0, category.units - 1));
    previous = requests;
    if (requests > 0 || answered > 0) out.push({ precinctCode: precinct.code, category: category.code, month, requests, line102, answered, elapsedHours, units });
  });
  return out;
}

/** The rows of one precinct, category by category. */
export function precinctWorkload(seed: number, precinct: PrecinctPlan, months: readonly string[], categories: readonly CategoryProfile[] = CATEGORY_PROFILES): WorkloadRow[] {
  return categories.flatMap((c) => categoryWorkload(seed, precinct, c, months));
}

/** The workload of every precinct of the plan over `months`. */
export function generateWorkload(seed: number, precincts: readonly PrecinctPlan[], months: readonly string[], categories: readonly CategoryProfile[] = CATEGORY_PROFILES): WorkloadRow[] {
  return precincts.flatMap((p) => precinctWorkload(seed, p, months, categories));
}

/**
 * Police tasks of an interagency commission over `months`: per district about 1.2 a month, per
 * month about 2 for single precincts and one for the whole city every other month.
 */
export function generateTasks(seed: number, precincts: readonly PrecinctPlan[], months: readonly string[], districts: readonly DistrictProfile[] = ASTANA_DISTRICTS): TaskRow[] {
  const out: TaskRow[] = [];
  for (const month of months) {
    const random = stream(seed, `tasks:${month}`);
    for (const d of districts) for (let n = poisson(random, 1.2); n > 0; n--) out.push({ taskId: uuid(random), territoryCode: d.code, month });
    for (let n = poisson(random, 2); n > 0; n--) out.push({ taskId: uuid(random), territoryCode: precincts[integer(random, 0, precincts.length - 1)].code, month });
    for (let n = poisson(random, 0.5); n > 0; n--) out.push({ taskId: uuid(random), territoryCode: districts[0].code.slice(0, 3), month });
  }
  return out;
}

/** Authorised posts added in the middle of the period (new housing), by district growth. */
function addedPosts(district: DistrictProfile): number {
  return district.growth >= 0.04 ? Math.round(district.precincts * district.growth * 0.6) : 0;
}

/**
 * Workforce facts of one district police body over `periods` (oldest first): filled posts about
 * one per precinct at the end, authorised ones about 10 % above, posts added halfway where the
 * district grows, turnover by reason, and hires that pull the vacancy back to its usual level.
 */
export function districtWorkforce(seed: number, district: DistrictProfile, periods: readonly string[]): WorkforceFact[] {
  const random: Random = stream(seed, `workforce:${district.code}`);
  const rates = WORKFORCE.annualDepartures;
  const targetFilled = Math.round(district.precincts * 0.975);
  const finalAuthorised = Math.round(targetFilled / (1 - WORKFORCE.vacancyShare));
  const added = addedPosts(district);
  let filled = Math.round((finalAuthorised - added) * (1 - WORKFORCE.vacancyShare)) - integer(random, 0, 2);
  const out: WorkforceFact[] = [];
  periods.forEach((period, k) => {
    const authorised = k >= Math.floor(periods.length / 2) ? finalAuthorised : finalAuthorised - added;
    const departures = {
      retirement: poisson(random, (filled * rates.retirement) / 12),
      own_request: poisson(random, (filled * rates.own_request) / 12),
      negative: poisson(random, (filled * rates.negative) / 12),
      transfer: poisson(random, (filled * rates.transfer) / 12),
      other: poisson(random, (filled * rates.other) / 12),
    };
    const expectedOut = (filled * Object.values(rates).reduce((a, b) => a + b, 0)) / 12;
    const gap = authorised * (1 - WORKFORCE.vacancyShare) - filled;
    const hires = poisson(random, Math.max(0, expectedOut + 0.25 * gap));
    const left = Object.values(departures).reduce((a, b) => a + b, 0);
    filled = Math.max(0, Math.min(authorised, filled + hires - left));
    const expectedRetirements = Math.min(filled, Math.round(filled * WORKFORCE.expectedRetirementShare * lognormalFactor(random, 0.3)));
    out.push({
      territoryCode: district.code,
      period,
      authorised,
      filled,
      hires,
      departuresRetirement: departures.retirement,
      departuresOwnRequest: departures.own_request,
      departuresNegative: departures.negative,
      departuresTransfer: departures.transfer,
      departuresOther: departures.other,
      expectedRetirements,
      trainingLeadMonths: WORKFORCE.trainingLeadMonths,
    });
  });
  return out;
}

/** Workforce facts of every district over `periods`. */
export function generateWorkforce(seed: number, periods: readonly string[], districts: readonly DistrictProfile[] = ASTANA_DISTRICTS): WorkforceFact[] {
  return districts.flatMap((d) => districtWorkforce(seed, d, periods));
}
