/**
 * Workforce supply: filled strength (people in post), not authorised strength.
 *
 * Sources:
 *  - The MIA's Methodology derives staffing level and deficit from vacant posts, departed staff and new
 *    hires, and quantitative need "by a formula using the average numbers of hired and departed staff"
 *    (004:L5468-5473); the formula is not published, so `officialMethod` implements the blueprint of
 *    seed-004 §2.11 [INFERENCE there]: V = A − F (last period), D̂ = mean yearly departures,
 *    Ĥ = mean yearly hires, need = V + D̂ + ΔA, projected gap = need − Ĥ.
 *  - Turnover by reason (natural/retirement, own request, negative) is a named factor (004:L5726-5730).
 *  - Vacancy about 9-10 % nationally (004:L5431-5443). At 10 % annual turnover and a 12-month
 *    departure-to-replacement cycle only about 90 % of posts are filled: forecast filled strength
 *    (anchors-mission.md §2.1, Corona Solutions). The reactive 'replace' policy below reproduces this.
 *  - Training lead times matter: a forensic specialist takes at least 4 years (004:L5550-5553).
 *  - 1 in 10 young employees is dismissed within the first year, a quarter of them for negative reasons
 *    (000:L1460-1474) → `firstYearAttritionRate`.
 *
 * forecastSupply: an expected-value monthly cohort simulation. Values are expectations, so they are
 * fractional (10.4 officers); round only for display. Months are numbered 1..months; array inputs
 * (`scheduledRetirements`, `pipeline`) are indexed by month − 1. Each month t:
 *  1. A_t = A_{t−1} + Σ authorisedChanges with month = t.
 *  2. Departures from the opening strength F_{t−1}: D_r = F_{t−1} · r_r / 12 for each reason r (an annual
 *     rate r becomes r/12 a month, so without hiring F_t = F_0 (1 − r/12)^t); for months covered by
 *     `scheduledRetirements` the known number replaces the retirement rate. Recruits in their first year
 *     also leave at the extra monthly hazard q = 1 − (1 − f)^{1/12} (f = firstYearAttritionRate, so a
 *     share f of a cohort leaves within 12 months for this reason), attributed 3/4 to own_request and
 *     1/4 to negative (000:L1460-1474). Departures never exceed F_{t−1}.
 *  3. Recruits started S_t, capped by capacityPerMonth:
 *     'replace' (reactive): S_t = max(0, A_t − (F_{t−1} − D_t) − P_t), P_t = everyone started (or in the
 *       given pipeline) and not yet arrived before this month's arrivals. It fills the gaps it can see,
 *       so with a lead time L it trails departures by L months: the steady vacancy is about L months of
 *       departures (the "only 90 % filled" effect). With hiring.anticipateDepartures it also starts
 *       L · (expected departures this month) recruits to cover departures during training, which
 *       removes that steady vacancy.
 *     'fixed': S_t = monthlyHires.
 *  4. Arrivals: S_{t−L} (L = trainingLeadMonths; with L = 0 this month's recruits arrive at once) plus
 *     pipeline[t − 1].
 *  5. F_t = F_{t−1} − D_t + arrivals, capped at A_t: filled never exceeds authorised. The excess is not
 *     carried over (no supernumerary reserve); it is reported as `surplus` (arrivals with no post, or
 *     staff above a reduced establishment) so the cost of over-hiring stays visible.
 *  6. inTraining = recruits started and pipeline entries not yet arrived; vacancies = A_t − F_t;
 *     vacancyRate = vacancies / A_t (0 when A_t = 0).
 */

export type DepartureReason = 'retirement' | 'own_request' | 'negative' | 'transfer' | 'other';

export const DEPARTURE_REASONS: readonly DepartureReason[] = Object.freeze([
  'retirement',
  'own_request',
  'negative',
  'transfer',
  'other',
] as const);

export interface WorkforcePeriod {
  /** 'YYYY-MM' */
  period: string;
  authorised: number;
  filled: number;
  hires: number;
  departures: Record<DepartureReason, number>;
}

export interface TurnoverEstimate {
  /** Departures / mean filled, annualised (12 × monthly departures / mean filled). */
  annualRates: Record<DepartureReason, number>;
  hiresPerMonth: number;
  basisMonths: number;
}

export interface SupplyInput {
  authorised: number;
  filled: number;
  annualRates: Record<DepartureReason, number>;
  /** Known retirements by month index (month − 1); replace the retirement rate for those months. */
  scheduledRetirements?: number[];
  trainingLeadMonths: number;
  /** Recruits already in training, arriving by month index (month − 1). */
  pipeline?: number[];
  hiring: {
    policy: 'replace' | 'fixed';
    /** For 'fixed'. */
    monthlyHires?: number;
    /** Cap on recruits started per month. */
    capacityPerMonth?: number;
    /** 'replace' only: also start recruits for the departures expected during training (default false). */
    anticipateDepartures?: boolean;
  };
  /** `month` is 1-based like SupplyMonth.month. */
  authorisedChanges?: Array<{ month: number; delta: number }>;
  months: number;
  /** Share of new hires leaving within their first year, e.g. 0.1 (000:L1460-1474). */
  firstYearAttritionRate?: number;
}

export interface SupplyMonth {
  /** 1-based. */
  month: number;
  authorised: number;
  filled: number;
  departures: Record<DepartureReason, number>;
  arrivals: number;
  recruitsStarted: number;
  inTraining: number;
  vacancies: number;
  vacancyRate: number;
  /** People above the authorised strength this month (dropped from `filled`, see the header). */
  surplus: number;
}

export const SUPPLY_FORMULA =
  'monthly, expected values: A(t) = A(t−1) + ΔA(t); D_r(t) = F(t−1)·r_r/12 (+ first-year hazard on recent recruits; ' +
  'scheduled retirements replace the retirement rate); S(t) = min(capacity, replace: max(0, A(t) − (F(t−1) − D(t)) − inTraining) ' +
  '| fixed: monthlyHires); arrivals(t) = S(t − lead) + pipeline(t); F(t) = min(A(t), F(t−1) − D(t) + arrivals(t)); ' +
  'vacancies = A − F; vacancy rate = (A − F)/A';

const OFFICIAL_FORMULA =
  'V = A − F (last period); D̂ = 12 × mean monthly departures; Ĥ = 12 × mean monthly hires; ' +
  'need = V + D̂ + ΔA; projected gap = need − Ĥ (seed-004 §2.11, after 004:L5468-5473)';

/** First-year leavers: a quarter for negative reasons, the rest at their own request (000:L1460-1474). */
const FIRST_YEAR_SPLIT: Readonly<Partial<Record<DepartureReason, number>>> = {
  own_request: 0.75,
  negative: 0.25,
};

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

function requireCount(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`${what} must be a finite number >= 0, got ${value}`);
}

function requireInteger(value: number, what: string, min: number): void {
  if (!Number.isInteger(value) || value < min)
    throw new RangeError(`${what} must be an integer >= ${min}, got ${value}`);
}

function zeroDepartures(): Record<DepartureReason, number> {
  return { retirement: 0, own_request: 0, negative: 0, transfer: 0, other: 0 };
}

function sortedPeriods(periods: readonly WorkforcePeriod[]): WorkforcePeriod[] {
  for (const row of periods) {
    if (!PERIOD.test(row.period)) throw new RangeError(`period must be 'YYYY-MM', got '${row.period}'`);
    requireCount(row.authorised, `${row.period} authorised`);
    requireCount(row.filled, `${row.period} filled`);
    requireCount(row.hires, `${row.period} hires`);
    for (const reason of DEPARTURE_REASONS)
      requireCount(row.departures[reason] ?? 0, `${row.period} departures.${reason}`);
  }
  return [...periods].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
}

/**
 * Annual turnover by reason over the last `months` monthly periods (missing months are not imputed:
 * `basisMonths` is the number of periods used): rate_r = 12 × Σ departures_r / basisMonths / mean filled.
 */
export function estimateTurnover(periods: readonly WorkforcePeriod[], months = 12): TurnoverEstimate {
  requireInteger(months, 'months', 1);
  const basis = sortedPeriods(periods).slice(-months);
  const basisMonths = basis.length;
  const annualRates = zeroDepartures();
  if (basisMonths === 0) return { annualRates, hiresPerMonth: 0, basisMonths: 0 };
  let filled = 0;
  let hires = 0;
  const departures = zeroDepartures();
  for (const row of basis) {
    filled += row.filled;
    hires += row.hires;
    for (const reason of DEPARTURE_REASONS) departures[reason] += row.departures[reason] ?? 0;
  }
  const meanFilled = filled / basisMonths;
  if (meanFilled > 0) {
    for (const reason of DEPARTURE_REASONS)
      annualRates[reason] = (12 * departures[reason]) / basisMonths / meanFilled;
  }
  return { annualRates, hiresPerMonth: hires / basisMonths, basisMonths };
}

/** Expected-value monthly simulation of filled strength (see the header for the exact rules). */
export function forecastSupply(input: SupplyInput): SupplyMonth[] {
  const { months, trainingLeadMonths: lead, hiring } = input;
  requireInteger(months, 'months', 0);
  requireInteger(lead, 'trainingLeadMonths', 0);
  requireCount(input.authorised, 'authorised');
  requireCount(input.filled, 'filled');
  let monthlyRateTotal = 0;
  const monthlyRates = zeroDepartures();
  for (const reason of DEPARTURE_REASONS) {
    const rate = input.annualRates[reason] ?? 0;
    requireCount(rate, `annualRates.${reason}`);
    monthlyRates[reason] = rate / 12;
    monthlyRateTotal += rate / 12;
  }
  if (monthlyRateTotal > 1)
    throw new RangeError(`annual departure rates sum to more than 12 (${monthlyRateTotal * 12})`);
  const firstYear = input.firstYearAttritionRate ?? 0;
  if (!(firstYear >= 0 && firstYear < 1))
    throw new RangeError(`firstYearAttritionRate must be in [0, 1), got ${firstYear}`);
  const firstYearHazard = 1 - Math.pow(1 - firstYear, 1 / 12);
  const capacity = hiring.capacityPerMonth ?? Infinity;
  if (!(capacity >= 0)) throw new RangeError(`capacityPerMonth must be >= 0, got ${capacity}`);
  if (hiring.policy === 'fixed') requireCount(hiring.monthlyHires ?? Number.NaN, 'hiring.monthlyHires');
  else if (hiring.policy !== 'replace')
    throw new RangeError(`unknown hiring policy '${String(hiring.policy)}'`);
  const scheduled = input.scheduledRetirements ?? [];
  const pipeline = input.pipeline ?? [];
  scheduled.forEach((value, i) => requireCount(value, `scheduledRetirements[${i}]`));
  pipeline.forEach((value, i) => requireCount(value, `pipeline[${i}]`));
  const changes = new Map<number, number>();
  for (const change of input.authorisedChanges ?? []) {
    requireInteger(change.month, 'authorisedChanges.month', 1);
    if (!Number.isFinite(change.delta))
      throw new RangeError(`authorisedChanges.delta must be finite, got ${change.delta}`);
    changes.set(change.month, (changes.get(change.month) ?? 0) + change.delta);
  }

  const started = new Float64Array(months + 1); // started[t], t = 1..months
  const cohorts = new Float64Array(months + 1); // cohorts[t]: arrivals of month t still in post (expected)
  let pipelineAhead = 0; // pipeline entries not yet arrived
  for (const value of pipeline) pipelineAhead += value;
  let trainingAhead = 0; // recruits started and not yet arrived
  let authorised = input.authorised;
  let filled = input.filled;
  const result: SupplyMonth[] = [];

  for (let t = 1; t <= months; t++) {
    authorised += changes.get(t) ?? 0;
    if (authorised < 0) throw new RangeError(`authorised strength falls below 0 in month ${t}`);

    // 2. Departures from the opening strength.
    const opening = filled;
    const departures = zeroDepartures();
    for (const reason of DEPARTURE_REASONS) departures[reason] = opening * monthlyRates[reason];
    if (t - 1 < scheduled.length) departures.retirement = scheduled[t - 1];
    let baseTotal = 0;
    for (const reason of DEPARTURE_REASONS) baseTotal += departures[reason];
    if (baseTotal > opening) {
      const scale = opening > 0 ? opening / baseTotal : 0;
      for (const reason of DEPARTURE_REASONS) departures[reason] *= scale;
      baseTotal = opening;
    }
    const baseShare = opening > 0 ? baseTotal / opening : 0;
    let firstYearLeavers = 0;
    for (let a = Math.max(1, t - 12); a < t; a++) {
      const leaving = cohorts[a] * firstYearHazard;
      firstYearLeavers += leaving;
      cohorts[a] -= leaving + cohorts[a] * baseShare;
      if (cohorts[a] < 0) cohorts[a] = 0;
    }
    firstYearLeavers = Math.min(firstYearLeavers, opening - baseTotal);
    for (const [reason, share] of Object.entries(FIRST_YEAR_SPLIT) as Array<[DepartureReason, number]>) {
      departures[reason] += firstYearLeavers * share;
    }
    const departed = baseTotal + firstYearLeavers;
    const afterDepartures = opening - departed;

    // 3. Recruits started this month.
    let recruits: number;
    if (hiring.policy === 'fixed') {
      recruits = hiring.monthlyHires ?? 0;
    } else {
      const anticipated = hiring.anticipateDepartures ? lead * opening * monthlyRateTotal : 0;
      recruits = Math.max(0, authorised - afterDepartures - (trainingAhead + pipelineAhead) + anticipated);
    }
    recruits = Math.min(recruits, capacity);
    started[t] = recruits;
    trainingAhead += recruits;

    // 4. Arrivals.
    const fromTraining = t - lead >= 1 ? started[t - lead] : 0;
    const fromPipeline = t - 1 < pipeline.length ? pipeline[t - 1] : 0;
    trainingAhead -= fromTraining;
    pipelineAhead -= fromPipeline;
    const arrivals = fromTraining + fromPipeline;

    // 5. Cap at the authorised strength.
    filled = afterDepartures + arrivals;
    let surplus = 0;
    if (filled > authorised) {
      surplus = filled - authorised;
      filled = authorised;
    }
    cohorts[t] = Math.max(0, arrivals - surplus);

    const vacancies = authorised - filled;
    result.push({
      month: t,
      authorised,
      filled,
      departures,
      arrivals,
      recruitsStarted: recruits,
      inTraining: Math.max(0, trainingAhead + pipelineAhead),
      vacancies,
      vacancyRate: authorised > 0 ? vacancies / authorised : 0,
      surplus,
    });
  }
  return result;
}

/**
 * The MIA Methodology's annual need, as reconstructed in seed-004 §2.11 from 004:L5468-5473:
 * V = A − F of the last period; D̂ and Ĥ are the mean yearly departures and hires (12 × the monthly
 * means over the periods given, so pass the last k years); need = V + D̂ + ΔA; projectedGap = need − Ĥ.
 */
export function officialMethod(
  periods: readonly WorkforcePeriod[],
  authorisedChange = 0,
): {
  vacancies: number;
  averageDepartures: number;
  averageHires: number;
  need: number;
  projectedGap: number;
  formula: string;
} {
  if (!Number.isFinite(authorisedChange))
    throw new RangeError(`authorisedChange must be finite, got ${authorisedChange}`);
  const rows = sortedPeriods(periods);
  if (rows.length === 0) throw new RangeError('officialMethod needs at least one period');
  const last = rows[rows.length - 1];
  let departures = 0;
  let hires = 0;
  for (const row of rows) {
    hires += row.hires;
    for (const reason of DEPARTURE_REASONS) departures += row.departures[reason] ?? 0;
  }
  const vacancies = last.authorised - last.filled;
  const averageDepartures = (12 * departures) / rows.length;
  const averageHires = (12 * hires) / rows.length;
  const need = vacancies + averageDepartures + authorisedChange;
  return {
    vacancies,
    averageDepartures,
    averageHires,
    need,
    projectedGap: need - averageHires,
    formula: OFFICIAL_FORMULA,
  };
}
