import Ajv, { type JSONSchemaType, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parseEventType, TOPIC_PATTERN } from './naming';

/**
 * One event type of the catalogue. `T` is the TypeScript shape of its data; `schema` is checked
 * against `T` by ajv's `JSONSchemaType`, so the type and the runtime validator cannot drift apart.
 */
export interface EventDefinition<T = unknown> {
  /** `kz.seriktes.<aggregate>.<past-tense-verb>.v<N>` */
  type: string;
  /** `seriktes.<service>.<aggregate>.v<N>` */
  topic: string;
  /** The service that owns and emits the event. */
  producer: string;
  /** One sentence: what happened, in the past tense. */
  summary: string;
  /** Longer text for the catalogue: when it is emitted and what consumers may rely on. */
  description: string;
  /** What the Kafka key (= `ce_subject`) holds. */
  keyDescription: string;
  /**
   * Payload fields that are personal data (dot paths). The partner hub never forwards them unless
   * an agreement grants it; an event meant for partners should have none.
   */
  personalData: readonly string[];
  /** JSON Schema (draft-07) of the data, also published in the AsyncAPI document. */
  schema: JSONSchemaType<T>;
  /** An example of valid data, used by the catalogue and checked by the tests. */
  example: T;
}

/** A registered event; `__data` exists for type inference only. */
export type EventType<T> = EventDefinition<T> & { readonly __data?: T };
export type EventData<E> = E extends EventType<infer T> ? T : never;

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);

const definitions = new Map<string, EventDefinition>();
const validators = new Map<string, ValidateFunction>();

/** Registers an event type in the catalogue; the type name and topic must follow the rules. */
export function defineEvent<T>(definition: EventDefinition<T>): EventType<T> {
  parseEventType(definition.type);
  if (!TOPIC_PATTERN.test(definition.topic)) {
    throw new Error(`${definition.type}: topic "${definition.topic}" does not follow seriktes.<service>.<aggregate>.v<N>`);
  }
  if (definitions.has(definition.type)) throw new Error(`event type ${definition.type} is defined twice`);
  definitions.set(definition.type, definition as EventDefinition);
  return definition;
}

export function eventDefinition(type: string): EventDefinition | undefined {
  return definitions.get(type);
}

/** Every registered event type, sorted by type name. */
export function eventCatalogue(): EventDefinition[] {
  return [...definitions.values()].sort((a, b) => a.type.localeCompare(b.type));
}

export interface ValidationResult {
  ok: boolean;
  /** Field-level problems, e.g. `/precinctCode must match pattern "..."`. */
  errors: string[];
}

function validatorFor(type: string): ValidateFunction | undefined {
  let validate = validators.get(type);
  if (!validate) {
    const definition = definitions.get(type);
    if (!definition) return undefined;
    validate = ajv.compile(definition.schema);
    validators.set(type, validate);
  }
  return validate;
}

/** Checks event data against the schema of its type. Unknown types are invalid. */
export function validateEventData(type: string, data: unknown): ValidationResult {
  const validate = validatorFor(type);
  if (!validate) return { ok: false, errors: [`unknown event type ${type}`] };
  if (validate(data)) return { ok: true, errors: [] };
  return {
    ok: false,
    errors: (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`.trim()),
  };
}
