import type { JSONSchemaType } from 'ajv';
import { PRECINCT_CODE_PATTERN } from '@seriktes/contracts';
import type { RequestChannel, RequestKind } from './citizen-request.entity';

/** What a caller sends to register a request. */
export interface RegisterRequestInput {
  kind: RequestKind;
  category: string;
  channel: RequestChannel;
  precinctCode: string;
  description: string;
  /** When it was actually received (walk-in, letter); now by default. */
  receivedAt?: string;
}

export const registerRequestSchema: JSONSchemaType<RegisterRequestInput> = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'category', 'precinctCode', 'description', 'channel'],
  properties: {
    kind: { type: 'string', enum: ['proposal', 'application', 'complaint', 'feedback', 'inquiry', 'tip'] },
    category: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,63}$' },
    channel: { type: 'string', enum: ['web', 'open311', 'walk-in', 'letter', 'line-102', 'telegram'], default: 'web' },
    precinctCode: { type: 'string', pattern: PRECINCT_CODE_PATTERN },
    description: { type: 'string', minLength: 1, maxLength: 5000 },
    receivedAt: { type: 'string', format: 'date-time', nullable: true },
  },
};

/** The registration coupon handed to the applicant. */
export interface RegistrationCoupon {
  id: string;
  registrationNumber: string;
  registeredAt: string;
  receivedAt: string;
  acceptedBy: string;
}
