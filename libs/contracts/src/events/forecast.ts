import { defineEvent } from '../registry';
import { topicName } from '../naming';
import { REGION_CODE_PATTERN } from '../territory';

/** Events of staffing-forecast about forecast runs. Keyed by the run id. */
export const FORECAST_TOPIC = topicName('staffing-forecast', 'forecast', 1);

export type ForecastScenario = 'ideal' | 'positive' | 'neutral' | 'negative';
export const FORECAST_SCENARIOS: readonly ForecastScenario[] = ['ideal', 'positive', 'neutral', 'negative'];

export interface ForecastDistrictSummary {
  districtCode: string;
  /** Inspectors needed at the horizon (FTE, one decimal). */
  need: number;
  /** Officers serving the district's precincts when the run started (from the roster). */
  current: number;
  /** What the damped allocation gives the district (within its total). */
  allocated: number;
  /** Filled posts from the latest workforce facts; null when none were entered. */
  filled: number | null;
  /** Authorised posts from the latest workforce facts; null when none were entered. */
  authorised: number | null;
  /** Filled strength expected at the horizon (supply forecast); null without workforce facts. */
  filledAtHorizon: number | null;
  /** need − filled at the horizon (or − current without facts): positive means a shortfall. */
  gap: number;
}

export interface ForecastPublishedV1 {
  runId: string;
  scopeCode: string;
  regionCodes: string[];
  horizonMonths: number;
  scenario: ForecastScenario;
  model: 'workload' | 'population' | 'queueing' | 'combined';
  publishedAt: string;
  totals: { need: number; current: number; filled: number | null; authorised: number | null; gap: number };
  districts: ForecastDistrictSummary[];
}

const NUMBER = (what: string) => ({ type: 'number', description: what }) as const;
const NULLABLE_NUMBER = (what: string) => ({ type: 'number', nullable: true, description: what }) as const;

export const ForecastPublished = defineEvent<ForecastPublishedV1>({
  type: 'kz.seriktes.forecast.published.v1',
  topic: FORECAST_TOPIC,
  producer: 'staffing-forecast',
  summary: "A staffing forecast run was published: inspectors needed against filled and authorised posts, per district.",
  description:
    'Emitted once, when a department head or HQ publishes a run as the basis of a staffing proposal. Carries ' +
    'aggregates per district only (needed, serving, allocated, filled, authorised, expected at the horizon, ' +
    'gap): no officers and no requests. Akimats use it to plan the posts they fund locally; partner-hub ' +
    'passes it to partners of the districts concerned.',
  keyDescription: 'The run id (UUID).',
  personalData: [],
  // Nullable required numbers (filled, authorised): the typed schema cannot express them.
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['runId', 'scopeCode', 'regionCodes', 'horizonMonths', 'scenario', 'model', 'publishedAt', 'totals', 'districts'],
    properties: {
      runId: { type: 'string', format: 'uuid', description: 'Id of the forecast run.' },
      scopeCode: { type: 'string', pattern: '^(KAZ|[A-Z]{3}(-[A-Z]{3}(-[0-9]{2,3})?)?)$', description: 'Territory of the run: KAZ, a region, a district or a precinct.' },
      regionCodes: { type: 'array', items: { type: 'string', pattern: REGION_CODE_PATTERN }, description: 'Regions the run covers (for routing to partners).' },
      horizonMonths: { type: 'integer', minimum: 1, maximum: 120, description: 'Horizon in months: up to 12 short term, 13-36 medium, 37-120 long.' },
      scenario: { type: 'string', enum: [...FORECAST_SCENARIOS], description: 'Named scenario (parameter set) of the run.' },
      model: { type: 'string', enum: ['workload', 'population', 'queueing', 'combined'], description: 'Model whose figure is the headline need.' },
      publishedAt: { type: 'string', format: 'date-time', description: 'When it was published.' },
      totals: {
        type: 'object',
        additionalProperties: false,
        required: ['need', 'current', 'filled', 'authorised', 'gap'],
        description: 'Sums over the districts.',
        properties: {
          need: NUMBER('Inspectors needed at the horizon.'),
          current: { type: 'integer', minimum: 0, description: 'Officers serving now.' },
          filled: NULLABLE_NUMBER('Filled posts (workforce facts); null when none were entered.'),
          authorised: NULLABLE_NUMBER('Authorised posts (workforce facts); null when none were entered.'),
          gap: NUMBER('Need minus expected strength at the horizon.'),
        },
      },
      districts: {
        type: 'array',
        description: 'One line per district in the scope.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['districtCode', 'need', 'current', 'allocated', 'filled', 'authorised', 'filledAtHorizon', 'gap'],
          properties: {
            districtCode: { type: 'string', pattern: '^[A-Z]{3}-[A-Z]{3}$', description: 'District police body code.' },
            need: NUMBER('Inspectors needed at the horizon.'),
            current: { type: 'integer', minimum: 0, description: 'Officers serving its precincts when the run started.' },
            allocated: { type: 'integer', minimum: 0, description: 'Inspectors the damped allocation gives it.' },
            filled: NULLABLE_NUMBER('Filled posts; null without workforce facts.'),
            authorised: NULLABLE_NUMBER('Authorised posts; null without workforce facts.'),
            filledAtHorizon: NULLABLE_NUMBER('Filled strength expected at the horizon; null without workforce facts.'),
            gap: NUMBER('Need minus expected strength at the horizon: positive is a shortfall.'),
          },
        },
      },
    },
  } as never,
  example: {
    runId: '3f2e1d0c-9b8a-4c7d-8e6f-5a4b3c2d1e0f',
    scopeCode: 'AST',
    regionCodes: ['AST'],
    horizonMonths: 12,
    scenario: 'neutral',
    model: 'combined',
    publishedAt: '2026-11-22T12:00:00+05:00',
    totals: { need: 41.6, current: 38, filled: 38, authorised: 42, gap: 4.1 },
    districts: [{ districtCode: 'AST-ESL', need: 14.2, current: 12, allocated: 12, filled: 12, authorised: 14, filledAtHorizon: 11.6, gap: 2.6 }],
  },
});
