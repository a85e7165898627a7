import { randomUUID } from 'node:crypto';

/**
 * CloudEvents 1.0 in the Kafka protocol binding, binary content mode
 * (https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/bindings/kafka-protocol-binding.md):
 * the Kafka value is the JSON data, every context attribute travels as a `ce_<name>` header,
 * `datacontenttype` travels as `content-type`, and the Kafka key is the aggregate id.
 */
export const SPEC_VERSION = '1.0';
export const JSON_CONTENT_TYPE = 'application/json';

/** A CloudEvent as the platform handles it in memory. */
export interface CloudEvent<T = unknown> {
  specversion: typeof SPEC_VERSION;
  id: string;
  source: string;
  type: string;
  time: string;
  /** The aggregate the event is about; also the Kafka key, so per-aggregate order holds. */
  subject: string;
  datacontenttype: typeof JSON_CONTENT_TYPE;
  /** Id shared by every event and log line caused, directly or not, by one original action. */
  correlationid: string;
  /** Id of the event (or request) that directly caused this one. */
  causationid?: string;
  data: T;
}

export type KafkaHeaders = Record<string, string>;

/** The Kafka record of an event: key, value and headers, all strings. */
export interface KafkaRecord {
  key: string;
  value: string;
  headers: KafkaHeaders;
}

/** The `ce_*` headers every event carries, in the order they are written. */
export const CE_HEADERS = [
  'ce_specversion',
  'ce_id',
  'ce_source',
  'ce_type',
  'ce_time',
  'ce_subject',
  'ce_correlationid',
  'ce_causationid',
] as const;

const REQUIRED_HEADERS = ['ce_specversion', 'ce_id', 'ce_source', 'ce_type'] as const;

export function toKafkaRecord(event: CloudEvent): KafkaRecord {
  const headers: KafkaHeaders = {
    ce_specversion: event.specversion,
    ce_id: event.id,
    ce_source: event.source,
    ce_type: event.type,
    ce_time: event.time,
    ce_subject: event.subject,
    ce_correlationid: event.correlationid,
    'content-type': event.datacontenttype,
  };
  if (event.causationid) headers.ce_causationid = event.causationid;
  return { key: event.subject, value: JSON.stringify(event.data), headers };
}

/** Why a Kafka record is not a valid event; carried to the dead-letter topic. */
export class EnvelopeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvelopeError';
  }
}

/** Reads Kafka headers as kafkajs hands them over (Buffer, string, arrays or undefined). */
export function decodeHeaders(raw: Record<string, unknown> | undefined): KafkaHeaders {
  const headers: KafkaHeaders = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    const single = Array.isArray(value) ? value[value.length - 1] : value;
    if (single === undefined || single === null) continue;
    headers[name] = Buffer.isBuffer(single) ? single.toString('utf8') : String(single);
  }
  return headers;
}

/**
 * Turns a Kafka record back into a CloudEvent. Checks the envelope only; the data is checked
 * against its schema by the registry (`validateEvent`).
 */
export function fromKafkaRecord(record: { key?: string | null; value: string | null; headers: KafkaHeaders }): CloudEvent {
  const h = record.headers;
  for (const name of REQUIRED_HEADERS) {
    if (!h[name]) throw new EnvelopeError(`missing header ${name}`);
  }
  if (h.ce_specversion !== SPEC_VERSION) {
    throw new EnvelopeError(`unsupported ce_specversion "${h.ce_specversion}", expected ${SPEC_VERSION}`);
  }
  const contentType = h['content-type'] ?? JSON_CONTENT_TYPE;
  if (!contentType.startsWith(JSON_CONTENT_TYPE)) {
    throw new EnvelopeError(`unsupported content-type "${contentType}", expected ${JSON_CONTENT_TYPE}`);
  }
  if (record.value === null || record.value === undefined) throw new EnvelopeError('empty value');
  let data: unknown;
  try {
    data = JSON.parse(record.value);
  } catch (error) {
    throw new EnvelopeError(`value is not JSON: ${(error as Error).message}`);
  }
  const subject = h.ce_subject ?? record.key ?? undefined;
  if (!subject) throw new EnvelopeError('missing subject: neither ce_subject nor a key');
  return {
    specversion: SPEC_VERSION,
    id: h.ce_id,
    source: h.ce_source,
    type: h.ce_type,
    time: h.ce_time ?? new Date(0).toISOString(),
    subject,
    datacontenttype: JSON_CONTENT_TYPE,
    correlationid: h.ce_correlationid ?? h.ce_id,
    causationid: h.ce_causationid,
    data,
  };
}

export interface CreateEventOptions {
  /** The aggregate id: Kafka key and `ce_subject`. */
  subject: string;
  /** `ce_source`, e.g. `/seriktes/citizen-requests` (see `eventSource`). */
  source: string;
  id?: string;
  time?: Date;
  correlationId?: string;
  causationId?: string;
}

/** A CloudEvent with a new id and the current time unless given; correlated to itself by default. */
export function createEvent<T>(type: string, data: T, options: CreateEventOptions): CloudEvent<T> {
  const id = options.id ?? randomUUID();
  return {
    specversion: SPEC_VERSION,
    id,
    source: options.source,
    type,
    time: (options.time ?? new Date()).toISOString(),
    subject: options.subject,
    datacontenttype: JSON_CONTENT_TYPE,
    correlationid: options.correlationId ?? id,
    causationid: options.causationId,
    data,
  };
}
