import { defineEvent } from '../registry';
import { topicName } from '../naming';
import { PRECINCT_CODE_PATTERN, REGION_CODE_PATTERN } from '../territory';

export const CITIZEN_REQUEST_TOPIC = topicName('citizen-requests', 'citizen-request', 1);


export interface CitizenRequestRegisteredV1 {
  requestId: string;
  registrationNumber: string;
  kind: 'proposal' | 'application' | 'complaint' | 'feedback' | 'inquiry' | 'tip';
  category: string;
  channel: 'web' | 'open311' | 'walk-in' | 'letter' | 'line-102' | 'telegram';
  regionCode: string;
  precinctCode: string;
  receivedAt: string;
  registeredAt: string;
}

export const CitizenRequestRegistered = defineEvent<CitizenRequestRegisteredV1>({
  type: 'kz.seriktes.citizen-request.registered.v1',
  topic: CITIZEN_REQUEST_TOPIC,
  producer: 'citizen-requests',
  summary: 'A citizen request was registered and given its registration coupon number.',
  description:
    'Emitted once per request, in the transaction that registers it. Carries no personal data of the ' +
    'applicant: only the kind, category, channel, territory and times. The inspector roster counts it ' +
    'into the caseload of the precinct.',
  keyDescription: 'The request id (UUID).',
  personalData: [],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [
      'requestId',
      'registrationNumber',
      'kind',
      'category',
      'channel',
      'regionCode',
      'precinctCode',
      'receivedAt',
      'registeredAt',
    ],
    properties: {
      requestId: { type: 'string', format: 'uuid', description: 'Id of the request.' },
      registrationNumber: {
        type: 'string',
        pattern: '^[A-Z]{3}-[0-9]{4}-[0-9]{6,}$',
        description: 'Number of the registration coupon, unique per region and year, e.g. AST-2026-000123.',
      },
      kind: {
        type: 'string',
        enum: ['proposal', 'application', 'complaint', 'feedback', 'inquiry', 'tip'],
        description: 'Kind of appeal under the Administrative Procedural Code, or an anonymous tip.',
      },
      category: { type: 'string', minLength: 1, maxLength: 64, description: 'Category code.' },
      channel: {
        type: 'string',
        enum: ['web', 'open311', 'walk-in', 'letter', 'line-102', 'telegram'],
        description: 'Channel through which the request arrived.',
      },
      regionCode: { type: 'string', pattern: REGION_CODE_PATTERN, description: 'Region (Police Department) code.' },
      precinctCode: { type: 'string', pattern: PRECINCT_CODE_PATTERN, description: 'Administrative precinct code.' },
      receivedAt: { type: 'string', format: 'date-time', description: 'When the request was received.' },
      registeredAt: { type: 'string', format: 'date-time', description: 'When it was registered.' },
    },
  },
  example: {
    requestId: '5f0c6a43-7f0e-4d55-9f4a-0d3f3c1b2a10',
    registrationNumber: 'AST-2026-000123',
    kind: 'application',
    category: 'public-order-noise',
    channel: 'web',
    regionCode: 'AST',
    precinctCode: 'AST-ESL-01',
    receivedAt: '2026-11-20T09:15:00+05:00',
    registeredAt: '2026-11-20T09:15:02+05:00',
  },
});
