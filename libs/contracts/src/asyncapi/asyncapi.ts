import { stringify } from 'yaml';
import { CE_HEADERS } from '../envelope';
import { deadLetterTopic, parseEventType } from '../naming';
import { eventCatalogue, type EventDefinition } from '../registry';

const KAFKA_BINDING_VERSION = '0.5.0';

function pascal(text: string): string {
  return text
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

function camel(text: string): string {
  const p = pascal(text);
  return p[0].toLowerCase() + p.slice(1);
}

/** Component name of a message: `kz.seriktes.citizen-request.registered.v1` -> `CitizenRequestRegisteredV1`. */
export function messageName(type: string): string {
  const { aggregate, verb, version } = parseEventType(type);
  return `${pascal(aggregate)}${pascal(verb)}V${version}`;
}

/** Channel id of a topic: `seriktes.citizen-requests.citizen-request.v1` -> `citizenRequestsCitizenRequestV1`. */
export function channelId(topic: string): string {
  return camel(topic.replace(/^seriktes\./, '').replace(/\.dlt$/, '.dead-letter'));
}

const headerDescriptions: Record<(typeof CE_HEADERS)[number], string> = {
  ce_specversion: 'CloudEvents specification version, always 1.0.',
  ce_id: 'Unique id of the event; consumers deduplicate on it.',
  ce_source: 'URI reference of the producing service, e.g. /seriktes/citizen-requests.',
  ce_type: 'Event type, kz.seriktes.<aggregate>.<past-tense-verb>.v<N>.',
  ce_time: 'When the change happened (RFC 3339).',
  ce_subject: 'Id of the aggregate the event is about; equal to the Kafka key.',
  ce_correlationid: 'Id shared by all events caused by one original action (extension attribute).',
  ce_causationid: 'Id of the event or request that directly caused this one (extension attribute).',
};

function headersSchema(type: string): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const name of CE_HEADERS) {
    properties[name] = { type: 'string', description: headerDescriptions[name] };
  }
  properties.ce_specversion = { type: 'string', const: '1.0', description: headerDescriptions.ce_specversion };
  properties.ce_type = { type: 'string', const: type, description: headerDescriptions.ce_type };
  properties['content-type'] = { type: 'string', const: 'application/json', description: 'CloudEvents datacontenttype.' };
  return {
    type: 'object',
    required: ['ce_specversion', 'ce_id', 'ce_source', 'ce_type', 'ce_time', 'ce_subject', 'ce_correlationid'],
    properties,
  };
}

function messageFor(definition: EventDefinition): Record<string, unknown> {
  return {
    name: messageName(definition.type),
    title: definition.type,
    summary: definition.summary,
    description:
      definition.description +
      (definition.personalData.length
        ? `\n\nPersonal data fields: ${definition.personalData.join(', ')}.`
        : '\n\nCarries no personal data.'),
    contentType: 'application/json',
    correlationId: { location: '$message.header#/ce_correlationid' },
    headers: headersSchema(definition.type),
    payload: definition.schema,
    examples: [{ name: 'example', payload: definition.example }],
    bindings: {
      kafka: {
        key: { type: 'string', description: definition.keyDescription },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}

export interface AsyncApiOptions {
  version: string;
  /** Broker the production description points at. */
  host?: string;
}

/** Builds the AsyncAPI 3.0 document of the whole event catalogue, dead-letter topics included. */
export function buildAsyncApiDocument(options: AsyncApiOptions): Record<string, unknown> {
  const catalogue = eventCatalogue();
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {
    DeadLetter: {
      name: 'DeadLetter',
      title: 'Dead letter',
      summary: 'A record a consumer could not process, with the original key, value and headers.',
      description:
        'Written by the consumer after bounded retries, or at once when the record is not a valid event. ' +
        'The original headers are kept; dlt-* headers say why and where it came from.',
      contentType: 'application/json',
      headers: {
        type: 'object',
        required: ['dlt-reason', 'dlt-original-topic', 'dlt-original-partition', 'dlt-original-offset'],
        properties: {
          'dlt-reason': { type: 'string', description: 'invalid-envelope, invalid-data or handler-failed.' },
          'dlt-error': { type: 'string', description: 'The error message of the last attempt.' },
          'dlt-attempts': { type: 'string', description: 'How many times the handler was tried.' },
          'dlt-original-topic': { type: 'string', description: 'Topic the record was read from.' },
          'dlt-original-partition': { type: 'string', description: 'Its partition.' },
          'dlt-original-offset': { type: 'string', description: 'Its offset.' },
          'dlt-consumer-group': { type: 'string', description: 'Consumer group that gave up on it.' },
          'dlt-failed-at': { type: 'string', description: 'When it was dead-lettered (RFC 3339).' },
        },
      },
      payload: { description: 'The original value, unchanged.' },
    },
  };

  const byTopic = new Map<string, EventDefinition[]>();
  for (const definition of catalogue) {
    byTopic.set(definition.topic, [...(byTopic.get(definition.topic) ?? []), definition]);
  }

  for (const [topic, definitions] of [...byTopic.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const id = channelId(topic);
    const channelMessages: Record<string, unknown> = {};
    for (const definition of definitions) {
      const name = messageName(definition.type);
      messages[name] = messageFor(definition);
      channelMessages[name] = { $ref: `#/components/messages/${name}` };
    }
    channels[id] = {
      address: topic,
      title: topic,
      description: `Events of one aggregate, keyed by its id so that their order holds. Produced by ${definitions[0].producer}.`,
      messages: channelMessages,
      bindings: { kafka: { topic, partitions: 4, bindingVersion: KAFKA_BINDING_VERSION } },
    };
    const producers = [...new Set(definitions.map((d) => d.producer))];
    for (const producer of producers) {
      operations[`${camel(producer)}Sends${pascal(id)}`] = {
        action: 'send',
        title: `${producer} publishes to ${topic}`,
        channel: { $ref: `#/channels/${id}` },
        messages: definitions
          .filter((d) => d.producer === producer)
          .map((d) => ({ $ref: `#/channels/${id}/messages/${messageName(d.type)}` })),
      };
    }

    const dlt = deadLetterTopic(topic);
    const dltId = channelId(dlt);
    channels[dltId] = {
      address: dlt,
      title: dlt,
      description: `Records of ${topic} that a consumer could not process.`,
      messages: { DeadLetter: { $ref: '#/components/messages/DeadLetter' } },
      bindings: { kafka: { topic: dlt, partitions: 4, bindingVersion: KAFKA_BINDING_VERSION } },
    };
    operations[`deadLetter${pascal(id)}`] = {
      action: 'send',
      title: `Consumers dead-letter records of ${topic}`,
      channel: { $ref: `#/channels/${dltId}` },
      messages: [{ $ref: `#/channels/${dltId}/messages/DeadLetter` }],
    };
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Seriktes event catalogue',
      version: options.version,
      description:
        'Every event of the Seriktes platform, as CloudEvents 1.0 in Kafka binary content mode: the value is the ' +
        'JSON data, context attributes travel as ce_* headers, and the key is the aggregate id. ' +
        'Generated from libs/contracts; do not edit by hand (npm run asyncapi).',
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
    },
    defaultContentType: 'application/json',
    servers: {
      production: {
        host: options.host ?? 'kafka:9092',
        protocol: 'kafka',
        description: 'Apache Kafka (KRaft) of the deployment; see docker-compose.yml and deploy/.',
      },
    },
    channels,
    operations,
    components: { messages },
  };
}

export function renderAsyncApiYaml(options: AsyncApiOptions): string {
  return (
    '# Generated by `npm run asyncapi` from libs/contracts. Do not edit by hand.\n' +
    stringify(buildAsyncApiDocument(options), { lineWidth: 0, aliasDuplicateObjects: false })
  );
}
