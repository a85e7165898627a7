import type { JSONSchemaType } from 'ajv';
import { PRECINCT_CODE_PATTERN } from '@seriktes/contracts';
import type { RequestChannel, RequestKind } from './citizen-request.entity';

export interface ApplicantInput {
  fullName: string;
  phone?: string | null;
  iin?: string | null;
  email?: string | null;
  address?: string | null;
  /** No notifications by SMS or e-mail (the applicant follows the status online). */
  optOut?: boolean | null;
}

/** What a caller sends to register a request (HTTP body; GraphQL's input has the same fields). */
export interface RegisterRequestInput {
  kind: RequestKind;
  categoryCode: string;
  channel: RequestChannel;
  description: string;
  location?: { lat: number; lon: number } | null;
  /** The precinct, when staff register a walk-in at a precinct point or know it. */
  precinctCode?: string | null;
  /** Where it happened, in words. */
  place?: string | null;
  /** When it was actually received (walk-in, letter, 102 hand-over; staff only); now by default. */
  receivedAt?: string | null;
  applicant?: ApplicantInput | null;
  attributes?: Record<string, unknown> | null;
  idempotencyKey?: string | null;
  language?: 'kk' | 'ru' | 'en' | null;
}

export const registerRequestSchema: JSONSchemaType<RegisterRequestInput> = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'categoryCode', 'description', 'channel'],
  properties: {
    kind: { type: 'string', enum: ['proposal', 'application', 'complaint', 'feedback', 'inquiry', 'tip'] },
    categoryCode: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,63}$' },
    channel: { type: 'string', enum: ['web', 'open311', 'walk-in', 'letter', 'line-102', 'telegram', 'partner'] },
    description: { type: 'string', minLength: 10, maxLength: 5000 },
    location: {
      type: 'object',
      nullable: true,
      additionalProperties: false,
      required: ['lat', 'lon'],
      properties: { lat: { type: 'number', minimum: 40, maximum: 56 }, lon: { type: 'number', minimum: 46, maximum: 88 } },
    },
    precinctCode: { type: 'string', nullable: true, pattern: PRECINCT_CODE_PATTERN },
    place: { type: 'string', nullable: true, maxLength: 300 },
    receivedAt: { type: 'string', nullable: true, format: 'date-time' },
    applicant: {
      type: 'object',
      nullable: true,
      additionalProperties: false,
      required: ['fullName'],
      properties: {
        fullName: { type: 'string', minLength: 3, maxLength: 200 },
        phone: { type: 'string', nullable: true, maxLength: 30 },
        iin: { type: 'string', nullable: true, maxLength: 12 },
        email: { type: 'string', nullable: true, maxLength: 320 },
        address: { type: 'string', nullable: true, maxLength: 300 },
        optOut: { type: 'boolean', nullable: true },
      },
    },
    attributes: { type: 'object', nullable: true, required: [] },
    idempotencyKey: { type: 'string', nullable: true, pattern: '^[A-Za-z0-9._:-]{8,128}$' },
    language: { type: 'string', nullable: true, enum: ['kk', 'ru', 'en'] },
  },
};

export interface DuplicateSuggestion {
  id: string;
  registrationNumber: string;
  status: string;
  distanceMetres: number;
  registeredAt: string;
}

/** The registration coupon (талон) handed to the applicant. */
export interface RegistrationCoupon {
  id: string;
  registrationNumber: string;
  registeredAt: string;
  receivedAt: string;
  /** The working day the receipt counts as. */
  countedFrom: string | null;
  /** When the answer is due under the law; null for a tip. */
  dueAt: string | null;
  /** Who or which channel accepted it: `district_inspector:ast.esil.01`, `channel:web`, `client:telegram-bot`. */
  acceptedBy: string;
  channel: string;
  status: string;
  precinctCode: string | null;
  /** Urgent: call 102 now; the record went to the duty unit at once. */
  urgent: boolean;
  advice: string | null;
  /** A retried submit with the same idempotency key: this is the first registration. */
  replayed: boolean;
  /** Possible duplicates (staff only): same category, within 50 m, open or closed in the last 30 days. */
  possibleDuplicates: DuplicateSuggestion[];
}
