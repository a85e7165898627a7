/**
 * Partner events as CloudEvents 1.0 in structured JSON mode (content type
 * `application/cloudevents+json`): the same body goes out on webhooks and on the feed, so a partner
 * can forward it across protocols unchanged. `data` is always the redacted data (redaction/redact.ts).
 */
import { isPartnerVisible } from '../redaction/policy';

export const STRUCTURED_CONTENT_TYPE = 'application/cloudevents+json';
export const DATA_CONTENT_TYPE = 'application/json';
/**
 * Base of `dataschema`: the published catalogue page of partner-hub (`GET /catalogue`), one
 * section per event type with the type as its anchor; the AsyncAPI document sits next to it. The
 * URI changes with every incompatible change because the type carries its version.
 */
export const DATASCHEMA_BASE = 'https://seriktes.kz/catalogue';

export interface PartnerEventContext {
  id: string;
  source: string;
  type: string;
  subject?: string | null;
  /** RFC 3339, or a Date. */
  time: string | Date;
  /** Only `application/json` is produced; anything else is refused. */
  datacontenttype?: string;
}

/** `https://seriktes.kz/catalogue#kz.seriktes.citizen-request.registered.v1`. */
export function dataschemaFor(type: string): string {
  return `${DATASCHEMA_BASE}#${type}`;
}

/**
 * The body of a partner event: a CloudEvent with specversion 1.0, the given id, source, type,
 * subject and time, `datacontenttype: application/json`, a `dataschema` pointing at the catalogue,
 * and the (already redacted) data. Refuses types that are never sent to partners, so an internal
 * event cannot be serialised for them by mistake.
 */
export function toStructuredCloudEvent(event: PartnerEventContext, data: Record<string, unknown>): string {
  for (const name of ['id', 'source', 'type'] as const) {
    if (typeof event[name] !== 'string' || !event[name]) throw new Error(`a CloudEvent needs a non-empty ${name}`);
  }
  if (event.datacontenttype !== undefined && event.datacontenttype !== DATA_CONTENT_TYPE) {
    throw new Error(`partner events carry ${DATA_CONTENT_TYPE} data, not ${event.datacontenttype}`);
  }
  if (!isPartnerVisible(event.type)) throw new Error(`${event.type} is not sent to partners`);
  const time = event.time instanceof Date ? event.time : new Date(event.time);
  if (Number.isNaN(time.getTime())) throw new Error(`a CloudEvent time must be a date-time, not ${String(event.time)}`);
  return JSON.stringify({
    specversion: '1.0',
    id: event.id,
    source: event.source,
    type: event.type,
    ...(event.subject ? { subject: event.subject } : {}),
    time: typeof event.time === 'string' ? event.time : time.toISOString(),
    datacontenttype: DATA_CONTENT_TYPE,
    dataschema: dataschemaFor(event.type),
    data,
  });
}
