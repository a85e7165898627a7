/**
 * Forecast horizons and scenarios for demand projections (and the supply side's turnover and hiring).
 *
 * Horizons (004:L5494-5502): short-term (operational) up to 1 year, medium-term (tactical) 1-3 years,
 * long-term (strategic) 3-10 years. The Methodology's "adjusted extrapolation" is accurate only in the
 * short term (004:L5509-5514), so scenario factors take over beyond the first year. Long-term planning
 * should run scenario variants ideal / positive / neutral / negative (004:L5562-5564) over factors that
 * include population (004:L5737-5743), the 14-17 age cohort (004:L5745-5754), crime level and type
 * (004:L5765-5770) and turnover (004:L5726-5730). The article names the factors but gives no
 * coefficients (seed-004 §2.1), so the numbers below are documented assumptions:
 *
 *  - Population +1.3 %/y in every scenario: Kazakhstan's recent growth (19,765,004 people on
 *    1 Jan 2023, 403.5 k births in 2022: 004:L24521-24537). Demography is not a policy outcome, and
 *    "more people → more police" is debatable (004:L5737-5743), so scenarios differ elsewhere.
 *  - 14-17 cohort +1.5 %/y in every scenario [assumption]: the cohort of the next decade is already born;
 *    births rose from about 0.36 m a year (2008-2011) to about 0.40 m (2014-2019) and 0.4-0.45 m since
 *    2020 (approximate; replace with the national statistics bureau's projection). Juvenile crime fell
 *    27 % over 5 years (004:L27600-27607), partly because the 12-17 population shrank (004:L6335-6340);
 *    that cohort now grows again. Applied only to youth-sensitive categories (e.g. minors).
 *  - Crime trend beyond population: neutral 0; negative +3 %/y, about the recent growth of fraud
 *    (+1.6 % a year, internet fraud +5.8 %: 004:L4565-4573); positive −2 %/y and ideal −4 %/y, below the
 *    recent decline of juvenile crime (−27 % in 5 years ≈ −6 %/y, 004:L27600-27607).
 *  - Turnover ×1.3 / ×1 / ×0.85 / ×0.7 and hiring ×0.8 / ×1 / ×1.1 / ×1.2 (negative / neutral / positive /
 *    ideal): good personnel policy reduces turnover (004:L40644-40647); pay and the social package are
 *    officers' first remedy (004:L41838-41841). See applyScenarioToSupply.
 *
 * projectDemand, by horizon (months of projection M, year y = ⌈h/12⌉, h = 1..M):
 *  - short (M <= 12): the demand forecast of demand.ts as is (adjusted extrapolation); scenario factors
 *    are not applied (factors are all 1).
 *  - medium (13-36) and long (37-120): the seasonal model forecasts the first 12 months (year 1); year
 *    y >= 2 repeats that year's monthly profile times the scenario factor
 *        T(y) = (1 + populationGrowth)^(y−1) × (1 + crimeTrend)^(y−1) × (youthSensitive ? (1 + youthCohortGrowth)^(y−1) : 1),
 *    so annual(y) = annual(1) × T(y). Medium ("seasonal model, then scenario growth of its last forecast
 *    year") and long ("annual factor model on the first forecast year") give the same numbers by
 *    construction; they differ in how they are described and in which horizon may use them.
 *  - Intervals: months 1-12 keep the model's intervals. Beyond, the standard deviation grows with the
 *    square root of the horizon in years and scales with the factor: sd(h) = sd(12) × √(h/12) × T(y);
 *    interval = mean ± z sd, lower clamped at 0. Annual totals: year 1 uses the exact sd of the summed
 *    forecast errors (aggregateForecastSd: monthly errors of one model run are positively correlated);
 *    year y >= 2: sd = sd(year 1) × √y × T(y) × (months of that year / 12).
 *  - A last, partial year covers fewer months; its annual entry sums only those (`months` says how many).
 */

import { aggregateForecastSd, forecastDemand, zForLevel, type DemandForecast } from './demand';
import { DEPARTURE_REASONS, type SupplyInput } from './supply';

export type ScenarioName = 'ideal' | 'positive' | 'neutral' | 'negative';

export interface ScenarioParameters {
  /** Per year, e.g. 0.013. */
  populationGrowth: number;
  /** Per-year growth of the 14-17 cohort. */
  youthCohortGrowth: number;
  /** Per-year change of demand beyond population. */
  crimeTrend: number;
  turnoverMultiplier: number;
  hiringMultiplier: number;
}

export interface LocalizedText {
  kk: string;
  ru: string;
  en: string;
}

export const SCENARIO_NAMES: readonly ScenarioName[] = Object.freeze([
  'ideal',
  'positive',
  'neutral',
  'negative',
] as const);

const POPULATION_GROWTH = 0.013;
const YOUTH_GROWTH = 0.015;

export const SCENARIOS: Record<
  ScenarioName,
  { parameters: ScenarioParameters; name: LocalizedText; description: LocalizedText }
> = {
  ideal: {
    parameters: {
      populationGrowth: POPULATION_GROWTH,
      youthCohortGrowth: YOUTH_GROWTH,
      crimeTrend: -0.04,
      turnoverMultiplier: 0.7,
      hiringMultiplier: 1.2,
    },
    name: { kk: 'Идеалды', ru: 'Идеальный', en: 'Ideal' },
    description: {
      kk:
        'Қылмыс жылына 4 %-ға азаяды (кәмелетке толмағандар қылмысы 5 жылда 27 %-ға азайған), кадрлардың кетуі 30 %-ға ' +
        'төмен, қабылдау 20 %-ға жоғары; халық жылына 1,3 %-ға, 14–17 жастағылар 1,5 %-ға өседі.',
      ru:
        'Преступность снижается на 4 % в год (подростковая преступность за 5 лет снизилась на 27 %), текучесть кадров ' +
        'на 30 % ниже, набор на 20 % выше; население растёт на 1,3 % в год, когорта 14–17 лет — на 1,5 %.',
      en:
        'Crime falls 4 % a year (juvenile crime fell 27 % in 5 years), turnover is 30 % lower and hiring 20 % higher; ' +
        'population grows 1.3 % a year, the 14-17 cohort 1.5 %.',
    },
  },
  positive: {
    parameters: {
      populationGrowth: POPULATION_GROWTH,
      youthCohortGrowth: YOUTH_GROWTH,
      crimeTrend: -0.02,
      turnoverMultiplier: 0.85,
      hiringMultiplier: 1.1,
    },
    name: { kk: 'Оң', ru: 'Положительный', en: 'Positive' },
    description: {
      kk:
        'Қылмыс жылына 2 %-ға азаяды, кадрлардың кетуі 15 %-ға төмен, қабылдау 10 %-ға жоғары; халық жылына 1,3 %-ға, ' +
        '14–17 жастағылар 1,5 %-ға өседі.',
      ru:
        'Преступность снижается на 2 % в год, текучесть кадров на 15 % ниже, набор на 10 % выше; население растёт ' +
        'на 1,3 % в год, когорта 14–17 лет — на 1,5 %.',
      en:
        'Crime falls 2 % a year, turnover is 15 % lower and hiring 10 % higher; population grows 1.3 % a year, ' +
        'the 14-17 cohort 1.5 %.',
    },
  },
  neutral: {
    parameters: {
      populationGrowth: POPULATION_GROWTH,
      youthCohortGrowth: YOUTH_GROWTH,
      crimeTrend: 0,
      turnoverMultiplier: 1,
      hiringMultiplier: 1,
    },
    name: { kk: 'Бейтарап', ru: 'Нейтральный', en: 'Neutral' },
    description: {
      kk:
        'Қазіргі үрдістер сақталады: халық жылына 1,3 %-ға (Қазақстанның соңғы жылдардағы өсімі), 14–17 жастағылар ' +
        '1,5 %-ға өседі; қылмыс деңгейі халыққа шаққанда өзгермейді; кадрлардың кетуі мен қабылдау бұрынғыдай.',
      ru:
        'Сохраняются текущие тенденции: население растёт на 1,3 % в год (рост Казахстана в последние годы), когорта ' +
        '14–17 лет — на 1,5 %; преступность в расчёте на жителя не меняется; текучесть и набор прежние.',
      en:
        "Current trends continue: population grows 1.3 % a year (Kazakhstan's recent growth), the 14-17 cohort " +
        '1.5 %; crime per resident is unchanged; turnover and hiring as before.',
    },
  },
  negative: {
    parameters: {
      populationGrowth: POPULATION_GROWTH,
      youthCohortGrowth: YOUTH_GROWTH,
      crimeTrend: 0.03,
      turnoverMultiplier: 1.3,
      hiringMultiplier: 0.8,
    },
    name: { kk: 'Теріс', ru: 'Негативный', en: 'Negative' },
    description: {
      kk:
        'Қылмыс жылына 3 %-ға өседі (алаяқтық жылына 1,6 %-ға, интернет-алаяқтық 5,8 %-ға өскен), кадрлардың кетуі ' +
        '30 %-ға жоғары, қабылдау 20 %-ға төмен; халық жылына 1,3 %-ға, 14–17 жастағылар 1,5 %-ға өседі.',
      ru:
        'Преступность растёт на 3 % в год (мошенничество выросло на 1,6 %, интернет-мошенничество на 5,8 % за год), ' +
        'текучесть кадров на 30 % выше, набор на 20 % ниже; население растёт на 1,3 % в год, когорта 14–17 лет — на 1,5 %.',
      en:
        'Crime grows 3 % a year (fraud grew 1.6 % and internet fraud 5.8 % in a year), turnover is 30 % higher and ' +
        'hiring 20 % lower; population grows 1.3 % a year, the 14-17 cohort 1.5 %.',
    },
  },
};

export type HorizonName = 'short' | 'medium' | 'long';

export const HORIZONS: Record<
  HorizonName,
  { maxMonths: number; name: LocalizedText; method: LocalizedText }
> = {
  short: {
    maxMonths: 12,
    name: {
      kk: 'Қысқа мерзімді (жедел), 1 жылға дейін',
      ru: 'Краткосрочный (оперативный), до 1 года',
      en: 'Short-term (operational), up to 1 year',
    },
    method: {
      kk: 'Түзетілген экстраполяция: маусымдық модельдің болжамы сценарий факторларынсыз',
      ru: 'Скорректированная экстраполяция: прогноз сезонной модели без сценарных факторов',
      en: "Adjusted extrapolation: the seasonal model's forecast as is, without scenario factors",
    },
  },
  medium: {
    maxMonths: 36,
    name: {
      kk: 'Орта мерзімді (тактикалық), 1–3 жыл',
      ru: 'Среднесрочный (тактический), 1–3 года',
      en: 'Medium-term (tactical), 1-3 years',
    },
    method: {
      kk: 'Бірінші жылға бәсеңдейтін трендті маусымдық модель, кейін сол жылдың маусымдық бейіні сценарий факторлары бойынша жыл сайын өседі',
      ru: 'Сезонная модель с затухающим трендом на первый год, далее сезонный профиль этого года растёт по факторам сценария год к году',
      en: "Seasonal model with a damped trend for the first year, then that year's seasonal profile grown year on year by the scenario factors",
    },
  },
  long: {
    maxMonths: 120,
    name: {
      kk: 'Ұзақ мерзімді (стратегиялық), 3–10 жыл',
      ru: 'Долгосрочный (стратегический), 3–10 лет',
      en: 'Long-term (strategic), 3-10 years',
    },
    method: {
      kk:
        'Факторлық модель: бірінші болжам жылы × (1 + халық өсімі)^(y−1) × (1 + қылмыс үрдісі)^(y−1) × ' +
        '(кәмелетке толмағандарға қатысты санаттар үшін (1 + 14–17 жас тобының өсімі)^(y−1)), сценарийлер бойынша',
      ru:
        'Факторная модель: первый прогнозный год × (1 + рост населения)^(y−1) × (1 + тренд преступности)^(y−1) × ' +
        '(для категорий, связанных с несовершеннолетними, (1 + рост когорты 14–17 лет)^(y−1)), по сценариям',
      en:
        'Factor model: the first forecast year × (1 + population growth)^(y−1) × (1 + crime trend)^(y−1) × ' +
        '(for youth-sensitive categories (1 + 14-17 cohort growth)^(y−1)), by scenario',
    },
  },
};

/** The horizon of a projection `months` long; RangeError outside 1..120. */
export function horizonOf(months: number): HorizonName {
  if (!Number.isInteger(months) || months < 1 || months > HORIZONS.long.maxMonths) {
    throw new RangeError(`months must be an integer in 1..${HORIZONS.long.maxMonths}, got ${months}`);
  }
  if (months <= HORIZONS.short.maxMonths) return 'short';
  if (months <= HORIZONS.medium.maxMonths) return 'medium';
  return 'long';
}

export interface ProjectionInput {
  history: readonly number[];
  months: number;
  scenario: ScenarioParameters;
  /** E.g. the 'minors' category grows with the 14-17 cohort. */
  youthSensitive?: boolean;
  level?: number;
}

export interface DemandProjection {
  horizon: HorizonName;
  method: string;
  monthly: Array<{ mean: number; lower: number; upper: number }>;
  /** `months`: how many months of that year fall inside the projection (12 except maybe the last). */
  annual: Array<{ year: number; months: number; mean: number; lower: number; upper: number }>;
  base: DemandForecast;
  factors: Array<{ year: number; population: number; crime: number; youth: number; total: number }>;
}

function validateScenario(scenario: ScenarioParameters): void {
  for (const key of ['populationGrowth', 'youthCohortGrowth', 'crimeTrend'] as const) {
    const value = scenario[key];
    if (!Number.isFinite(value) || value <= -1)
      throw new RangeError(`${key} must be a finite rate > -1, got ${value}`);
  }
  for (const key of ['turnoverMultiplier', 'hiringMultiplier'] as const) {
    const value = scenario[key];
    if (!Number.isFinite(value) || value < 0)
      throw new RangeError(`${key} must be a finite number >= 0, got ${value}`);
  }
}

/** Scenario factors of year y (1-based): (1 + g)^(y − 1) each, and their product. */
export function scenarioFactors(
  scenario: ScenarioParameters,
  year: number,
  youthSensitive = false,
): { year: number; population: number; crime: number; youth: number; total: number } {
  const population = Math.pow(1 + scenario.populationGrowth, year - 1);
  const crime = Math.pow(1 + scenario.crimeTrend, year - 1);
  const youth = youthSensitive ? Math.pow(1 + scenario.youthCohortGrowth, year - 1) : 1;
  return { year, population, crime, youth, total: population * crime * youth };
}

/** Monthly and annual demand `months` ahead under a scenario (see the header for the rules). */
export function projectDemand(input: ProjectionInput): DemandProjection {
  const { months, scenario } = input;
  const horizon = horizonOf(months);
  validateScenario(scenario);
  const level = input.level ?? 0.95;
  const z = zForLevel(level);
  const youthSensitive = input.youthSensitive ?? false;
  const base = forecastDemand(input.history, { horizon: Math.min(months, 12), level });
  const years = Math.ceil(months / 12);

  const factors: DemandProjection['factors'] = [];
  for (let year = 1; year <= years; year++) {
    factors.push(
      horizon === 'short'
        ? { year, population: 1, crime: 1, youth: 1, total: 1 }
        : scenarioFactors(scenario, year, youthSensitive),
    );
  }

  const monthly: DemandProjection['monthly'] = [];
  const lastSd = base.forecast[Math.min(months, 12) - 1].sd;
  for (let h = 1; h <= months; h++) {
    if (h <= 12) {
      const { mean, lower, upper } = base.forecast[h - 1];
      monthly.push({ mean, lower, upper });
      continue;
    }
    const total = factors[Math.ceil(h / 12) - 1].total;
    const mean = base.forecast[(h - 1) % 12].mean * total;
    const half = z * lastSd * Math.sqrt(h / 12) * total;
    monthly.push({ mean, lower: Math.max(0, mean - half), upper: mean + half });
  }

  const annual: DemandProjection['annual'] = [];
  const firstYearMonths = Math.min(months, 12);
  const firstYearSd = aggregateForecastSd(base, 1, firstYearMonths);
  for (let year = 1; year <= years; year++) {
    const from = (year - 1) * 12;
    const count = Math.min(12, months - from);
    let mean = 0;
    for (let i = from; i < from + count; i++) mean += monthly[i].mean;
    const sd =
      year === 1 ? firstYearSd : firstYearSd * Math.sqrt(year) * factors[year - 1].total * (count / 12);
    annual.push({ year, months: count, mean, lower: Math.max(0, mean - z * sd), upper: mean + z * sd });
  }

  return {
    horizon,
    method: `${HORIZONS[horizon].method.en} (base model: ${base.method})`,
    monthly,
    annual,
    base,
    factors,
  };
}

/**
 * The supply side of a scenario: departure rates (and first-year attrition, capped below 1) × the
 * turnover multiplier; fixed monthly hires and the training capacity × the hiring multiplier. With
 * the 'replace' policy and no capacity cap the hiring multiplier has nothing to scale.
 */
export function applyScenarioToSupply(input: SupplyInput, scenario: ScenarioParameters): SupplyInput {
  validateScenario(scenario);
  const annualRates = { ...input.annualRates };
  for (const reason of DEPARTURE_REASONS)
    annualRates[reason] = (input.annualRates[reason] ?? 0) * scenario.turnoverMultiplier;
  const hiring = { ...input.hiring };
  if (hiring.monthlyHires !== undefined) hiring.monthlyHires *= scenario.hiringMultiplier;
  if (hiring.capacityPerMonth !== undefined) hiring.capacityPerMonth *= scenario.hiringMultiplier;
  const result: SupplyInput = { ...input, annualRates, hiring };
  if (input.firstYearAttritionRate !== undefined) {
    result.firstYearAttritionRate = Math.min(
      0.99,
      input.firstYearAttritionRate * scenario.turnoverMultiplier,
    );
  }
  return result;
}
