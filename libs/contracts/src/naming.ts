/**
 * Naming rules of the event catalogue (architecture.md section 3):
 * - event type: `kz.seriktes.<aggregate>.<past-tense-verb>.v<N>`;
 * - topic, one per aggregate: `seriktes.<service>.<aggregate>.v<N>`;
 * - dead-letter topic of a topic: `<topic>.dlt`.
 */
const SEGMENT = '[a-z][a-z0-9]*(?:-[a-z0-9]+)*';
export const EVENT_TYPE_PATTERN = new RegExp(`^kz\\.seriktes\\.(${SEGMENT})\\.(${SEGMENT})\\.v([1-9][0-9]*)$`);
export const TOPIC_PATTERN = new RegExp(`^seriktes\\.(${SEGMENT})\\.(${SEGMENT})\\.v([1-9][0-9]*)$`);
export const DEAD_LETTER_SUFFIX = '.dlt';

export interface ParsedEventType {
  aggregate: string;
  verb: string;
  version: number;
}

export function parseEventType(type: string): ParsedEventType {
  const match = EVENT_TYPE_PATTERN.exec(type);
  if (!match) {
    throw new Error(`event type "${type}" does not follow kz.seriktes.<aggregate>.<past-tense-verb>.v<N>`);
  }
  return { aggregate: match[1], verb: match[2], version: Number(match[3]) };
}

export function eventTypeName(aggregate: string, verb: string, version: number): string {
  const type = `kz.seriktes.${aggregate}.${verb}.v${version}`;
  parseEventType(type);
  return type;
}

export function topicName(service: string, aggregate: string, version = 1): string {
  const topic = `seriktes.${service}.${aggregate}.v${version}`;
  if (!TOPIC_PATTERN.test(topic)) {
    throw new Error(`topic "${topic}" does not follow seriktes.<service>.<aggregate>.v<N>`);
  }
  return topic;
}

export function deadLetterTopic(topic: string): string {
  return topic.endsWith(DEAD_LETTER_SUFFIX) ? topic : topic + DEAD_LETTER_SUFFIX;
}

/** The `ce_source` of events a service emits: a URI reference naming the producing service. */
export function eventSource(service: string): string {
  return `/seriktes/${service}`;
}
