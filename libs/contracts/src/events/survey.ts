import { defineEvent } from '../registry';
import { topicName } from '../naming';
import { DISTRICT_CODE_PATTERN, PRECINCT_CODE_PATTERN, REGION_CODE_PATTERN } from '../territory';

/** Anonymous survey responses (scope and scores only). Keyed by the district code of the response. */
export const SURVEY_RESPONSE_TOPIC = topicName('feedback-surveys', 'survey-response', 1);
/** Trust, safety and satisfaction indices as they change. Keyed by the scope code (precinct, district, region or `KAZ`). */
export const TRUST_INDEX_TOPIC = topicName('feedback-surveys', 'trust-index', 1);
/** Area-survey and staff-pulse waves. Keyed by the wave id. */
export const SURVEY_WAVE_TOPIC = topicName('feedback-surveys', 'survey-wave', 1);

export type SurveyInstrumentKind = 'post_contact' | 'area' | 'staff_pulse';
export const SURVEY_INSTRUMENT_KINDS: readonly SurveyInstrumentKind[] = ['post_contact', 'area', 'staff_pulse'];
/** Service lines a post-contact survey is split by (seed 003: local police rated apart from criminal police). */
export type ServiceLine = 'local_police' | 'criminal_police' | 'administrative';
export const SERVICE_LINES: readonly ServiceLine[] = ['local_police', 'criminal_police', 'administrative'];
export type ScopeLevel = 'precinct' | 'district' | 'region' | 'national';
export const SCOPE_LEVELS: readonly ScopeLevel[] = ['precinct', 'district', 'region', 'national'];
export type PeriodKind = 'month' | 'quarter';

const UUID = { type: 'string', format: 'uuid' } as const;
const DATE = { type: 'string', format: 'date' } as const;
const TIME = { type: 'string', format: 'date-time' } as const;
const CODE = { type: 'string', pattern: '^[a-z][a-z0-9_.=-]{0,63}$' } as const;
const INSTRUMENT = {
  instrumentCode: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,39}$', description: 'Code of the instrument, e.g. `area-safety`.' },
  instrumentVersion: { type: 'integer', minimum: 1, description: 'Published version of the instrument the figures belong to; versions are never mixed.' },
  versionId: { ...UUID, description: 'Id of that published version.' },
} as const;
const INTERVAL = {
  value: { type: 'number', nullable: true, description: 'The estimate on 0..100 (a mean score, or a share in %); null when suppressed.' },
  lower: { type: 'number', nullable: true, description: 'Lower bound of the 95 % confidence interval (Wilson for shares, t or normal for means); null when suppressed.' },
  upper: { type: 'number', nullable: true, description: 'Upper bound of the 95 % confidence interval; null when suppressed.' },
  n: { type: 'integer', minimum: 0, description: 'Responses behind the figure.' },
  suppressed: { type: 'boolean', description: 'True below the minimum n (default 30): no value is published, so no small group can be identified.' },
} as const;

export interface SurveyResponseReceivedV1 {
  responseId: string;
  instrumentCode: string;
  instrumentVersion: number;
  versionId: string;
  kind: SurveyInstrumentKind;
  precinctCode?: string | null;
  districtCode: string;
  regionCode: string;
  serviceLine?: ServiceLine | null;
  waveId?: string | null;
  month: string;
  scores: Record<string, number | null>;
}

export const SurveyResponseReceived = defineEvent<SurveyResponseReceivedV1>({
  type: 'kz.seriktes.survey-response.received.v1',
  topic: SURVEY_RESPONSE_TOPIC,
  producer: 'feedback-surveys',
  summary: 'An anonymous survey response was counted into the indices.',
  description:
    'Carries the scope (territory, service line, wave, month) and the scores of the indicators the ' +
    'response contributes to, nothing else: no answers, no comment, no request, invitation, token, ' +
    'inspector or time of day. Emitted when the response leaves the anonymising batch, so its order ' +
    'and time do not reveal which invitation it came from. Internal to the platform: partners receive ' +
    '`survey-wave.closed` and `trust-index.updated`, which carry suppressed aggregates.',
  keyDescription: 'The district code of the response.',
  personalData: [],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['responseId', 'instrumentCode', 'instrumentVersion', 'versionId', 'kind', 'districtCode', 'regionCode', 'month', 'scores'],
    properties: {
      responseId: { ...UUID, description: 'Random id of the response in the anonymous store.' },
      ...INSTRUMENT,
      kind: { type: 'string', enum: [...SURVEY_INSTRUMENT_KINDS], description: 'Post-contact survey, area survey, or staff pulse.' },
      precinctCode: { type: 'string', pattern: PRECINCT_CODE_PATTERN, nullable: true, description: 'Precinct the response is about (null for a staff pulse, which is per unit).' },
      districtCode: { type: 'string', pattern: DISTRICT_CODE_PATTERN, description: 'District (police unit) of the response.' },
      regionCode: { type: 'string', pattern: REGION_CODE_PATTERN, description: 'Region (Police Department).' },
      serviceLine: { type: 'string', enum: [...SERVICE_LINES, null], nullable: true, description: 'Service line of the contact rated (post-contact surveys only).' },
      waveId: { ...UUID, nullable: true, description: 'The wave that invited the respondent (area survey, staff pulse).' },
      month: { ...DATE, description: 'First day of the month (Asia/Almaty) the response was received in.' },
      scores: {
        type: 'object',
        required: [],
        additionalProperties: { type: 'number', nullable: true, minimum: 0, maximum: 100 } as never,
        description: 'Indicator code → score of this response on 0..100 (1/0 as 100/0 for shares); null when the indicator could not be scored (too few items answered).',
      },
    },
  },
  example: {
    responseId: '0c9a4e1d-6b2f-4d8e-9a37-5f1b2c3d4e5f',
    instrumentCode: 'post-contact',
    instrumentVersion: 1,
    versionId: '7d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a09',
    kind: 'post_contact',
    precinctCode: 'AST-ESL-01',
    districtCode: 'AST-ESL',
    regionCode: 'AST',
    serviceLine: 'local_police',
    waveId: null,
    month: '2026-11-01',
    scores: { csat: 100, resolved: 100, contact_quality: 83.3 },
  },
});

export interface TrustIndexUpdatedV1 {
  scopeLevel: ScopeLevel;
  scopeCode: string;
  periodKind: PeriodKind;
  periodStart: string;
  instrumentCode: string;
  instrumentVersion: number;
  versionId: string;
  indicator: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  n: number;
  suppressed: boolean;
  computedAt: string;
}

export const TrustIndexUpdated = defineEvent<TrustIndexUpdatedV1>({
  type: 'kz.seriktes.trust-index.updated.v1',
  topic: TRUST_INDEX_TOPIC,
  producer: 'feedback-surveys',
  summary: 'A headline index (trust, safety, satisfaction) of a territory and period changed.',
  description:
    'Emitted after each batch of responses for every headline indicator, scope and period the batch ' +
    'touched, unweighted, all service lines together. Below the minimum n the figure is suppressed ' +
    '(value and interval null). The staffing forecast reads trust from it when present.',
  keyDescription: 'The scope code: a precinct, district or region code, or `KAZ` for the whole country.',
  personalData: [],
  // Nullable required numbers defeat JSONSchemaType's inference; ajv and the catalogue tests check the schema against the example.
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['scopeLevel', 'scopeCode', 'periodKind', 'periodStart', 'instrumentCode', 'instrumentVersion', 'versionId', 'indicator', 'value', 'lower', 'upper', 'n', 'suppressed', 'computedAt'],
    properties: {
      scopeLevel: { type: 'string', enum: [...SCOPE_LEVELS], description: 'Level of the territory.' },
      scopeCode: { type: 'string', pattern: '^([A-Z]{3}(-[A-Z]{3}(-[0-9]{2,3})?)?)$', description: 'Territory code (`KAZ` for national).' },
      periodKind: { type: 'string', enum: ['month', 'quarter'], description: 'Calendar month or quarter (Asia/Almaty).' },
      periodStart: { ...DATE, description: 'First day of the period.' },
      ...INSTRUMENT,
      indicator: { ...CODE, description: 'Indicator code, e.g. `trust`, `feel_safe`, `csat`, `good_job`.' },
      ...INTERVAL,
      computedAt: { ...TIME, description: 'When the figure was computed.' },
    },
  } as never,
  example: {
    scopeLevel: 'precinct',
    scopeCode: 'AST-ESL-01',
    periodKind: 'month',
    periodStart: '2026-11-01',
    instrumentCode: 'area-safety',
    instrumentVersion: 1,
    versionId: '7d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a09',
    indicator: 'trust',
    value: 64.2,
    lower: 59.8,
    upper: 68.6,
    n: 112,
    suppressed: false,
    computedAt: '2026-11-22T10:00:00+05:00',
  },
});

export interface SurveyWaveIndex {
  scopeLevel: ScopeLevel;
  scopeCode: string;
  indicator: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  n: number;
  suppressed: boolean;
}

export interface SurveyWaveClosedV1 {
  waveId: string;
  instrumentCode: string;
  instrumentVersion: number;
  versionId: string;
  kind: SurveyInstrumentKind;
  territoryCode: string;
  opensOn: string;
  closedAt: string;
  invited: number;
  responded: number;
  indices: SurveyWaveIndex[];
}

export const SurveyWaveClosed = defineEvent<SurveyWaveClosedV1>({
  type: 'kz.seriktes.survey-wave.closed.v1',
  topic: SURVEY_WAVE_TOPIC,
  producer: 'feedback-surveys',
  summary: 'An area-survey or staff-pulse wave closed; its headline indices are final.',
  description:
    'Carries the response count and the headline indices of the wave for its territory and each ' +
    'precinct (or unit) in it, suppressed below the minimum n. Unused invitations of the wave expire.',
  keyDescription: 'The wave id (UUID).',
  personalData: [],
  // As above: nullable required numbers in the items.
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['waveId', 'instrumentCode', 'instrumentVersion', 'versionId', 'kind', 'territoryCode', 'opensOn', 'closedAt', 'invited', 'responded', 'indices'],
    properties: {
      waveId: { ...UUID, description: 'Id of the wave.' },
      ...INSTRUMENT,
      kind: { type: 'string', enum: [...SURVEY_INSTRUMENT_KINDS], description: 'Area survey or staff pulse.' },
      territoryCode: { type: 'string', pattern: '^([A-Z]{3}(-[A-Z]{3}(-[0-9]{2,3})?)?)$', description: 'Territory the wave covered.' },
      opensOn: { ...DATE, description: 'First day of the wave.' },
      closedAt: { ...TIME, description: 'When it closed.' },
      invited: { type: 'integer', minimum: 0, description: 'Invitations sent.' },
      responded: { type: 'integer', minimum: 0, description: 'Invitations used.' },
      indices: {
        type: 'array',
        description: 'Headline indices of the wave per scope.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['scopeLevel', 'scopeCode', 'indicator', 'value', 'lower', 'upper', 'n', 'suppressed'],
          properties: {
            scopeLevel: { type: 'string', enum: [...SCOPE_LEVELS], description: 'Level of the territory.' },
            scopeCode: { type: 'string', pattern: '^([A-Z]{3}(-[A-Z]{3}(-[0-9]{2,3})?)?)$', description: 'Territory code.' },
            indicator: { ...CODE, description: 'Indicator code.' },
            ...INTERVAL,
          },
        },
      },
    },
  } as never,
  example: {
    waveId: '1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d',
    instrumentCode: 'area-safety',
    instrumentVersion: 1,
    versionId: '7d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a09',
    kind: 'area',
    territoryCode: 'AST-ESL',
    opensOn: '2026-10-01',
    closedAt: '2026-10-31T18:00:00+05:00',
    invited: 1200,
    responded: 431,
    indices: [
      { scopeLevel: 'district', scopeCode: 'AST-ESL', indicator: 'feel_safe', value: 71.2, lower: 66.8, upper: 75.3, n: 431, suppressed: false },
      { scopeLevel: 'precinct', scopeCode: 'AST-ESL-07', indicator: 'feel_safe', value: null, lower: null, upper: null, n: 22, suppressed: true },
    ],
  },
});
