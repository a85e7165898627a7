/**
 * Applies the redaction policy (policy.ts) to one event for one partner, and tells which territories
 * an event concerns so it can be routed to the partners of those territories.
 */
import { eventDefinition, parsePrecinctCode, type SharingScope } from '@seriktes/contracts';
import { partnerPolicy } from './policy';

export interface Redacted {
  /** The data the partner receives: the allowed top-level fields, deep-copied. */
  data: Record<string, unknown>;
  /** Top-level fields of the event that were left out. */
  withheld: string[];
  /** The scopes of the agreement that let fields through (none: the default view). */
  grantedBy: SharingScope[];
}

function topLevel(path: string): string {
  return path.split('.')[0];
}

/**
 * What a partner whose agreements grant `scopes` receives of an event: fields of the policy's
 * `fields`, plus `scoped` fields whose scope is granted; every other top-level field is withheld
 * (nested objects and arrays go whole or not at all). A field holding personal data
 * (the definition's `personalData`) is never let through by `fields`, only by a scope, should a
 * policy ever map one. Null when the type is unknown, has no policy, or is never sent to partners.
 */
export function redact(type: string, data: Record<string, unknown>, scopes: readonly SharingScope[]): Redacted | null {
  const definition = eventDefinition(type);
  const policy = partnerPolicy(type);
  if (!definition || !policy || policy.partnerVisible === false) return null;
  if (policy.excludeWhen?.(data ?? {})) return null;
  const personal = new Set(definition.personalData.map(topLevel));
  const open = new Set(policy.fields);
  const out: Record<string, unknown> = {};
  const withheld: string[] = [];
  const grantedBy: SharingScope[] = [];
  for (const [field, value] of Object.entries(data ?? {})) {
    const scope = policy.scoped && Object.prototype.hasOwnProperty.call(policy.scoped, field) ? policy.scoped[field] : undefined;
    if (open.has(field) && !personal.has(field)) {
      out[field] = structuredClone(value);
    } else if (scope && scopes.includes(scope)) {
      out[field] = structuredClone(value);
      if (!grantedBy.includes(scope)) grantedBy.push(scope);
    } else {
      withheld.push(field);
    }
  }
  return { data: out, withheld, grantedBy };
}

/** The code of the whole country (`scopeCode`, commission `territoryCode` at republic level). */
export const NATIONAL_TERRITORY = 'KAZ';

const REGION = /^[A-Z]{3}$/;
const DISTRICT = /^[A-Z]{3}-[A-Z]{3}$/;
/** Fields (top level, or in the objects of a top-level array) that hold one territory code. */
const CODE_FIELDS = ['precinctCode', 'districtCode', 'regionCode', 'territoryCode', 'decisionTerritoryCode', 'scopeCode'] as const;
/** Top-level fields that hold a list of territory codes. */
const CODE_LIST_FIELDS = ['regionCodes', 'districtCodes', 'precinctCodes', 'territoryCodes'] as const;

/** A code with the levels above it: `AST-ESL-01` → AST-ESL-01, AST-ESL, AST. Invalid codes give nothing. */
function withParents(code: unknown): string[] {
  if (typeof code !== 'string') return [];
  if (code === NATIONAL_TERRITORY) return [code];
  const precinct = parsePrecinctCode(code);
  if (precinct) return [precinct.id, precinct.districtCode, precinct.regionCode];
  if (DISTRICT.test(code)) return [code, code.slice(0, 3)];
  if (REGION.test(code)) return [code];
  return [];
}

/**
 * The territory codes an event concerns, for routing: every precinct, district, region (or `KAZ`)
 * code in its data with the levels above it, most specific first per field, without repeats. A
 * precinct event gives [precinct, district, region], so a filter on AST matches AST-ESL-01 events.
 * Codes in lists (`regionCodes`) and in arrays of objects (`districts[].districtCode`,
 * `indices[].scopeCode`) count too. Empty for unknown types and for events without any code (older
 * task events without `territoryCode`): those go to no partner.
 */
export function territoriesOf(type: string, data: Record<string, unknown>): string[] {
  if (!eventDefinition(type) || !data) return [];
  const found = new Set<string>();
  const add = (code: unknown) => withParents(code).forEach((c) => found.add(c));
  for (const field of CODE_FIELDS) add(data[field]);
  for (const field of CODE_LIST_FIELDS) {
    const list = data[field];
    if (Array.isArray(list)) list.forEach(add);
  }
  for (const value of Object.values(data)) {
    if (!Array.isArray(value)) continue;
    for (const item of value) {
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        for (const field of CODE_FIELDS) add((item as Record<string, unknown>)[field]);
      }
    }
  }
  return [...found];
}

/**
 * The JSON Schema of what partners may receive of a type: the catalogue schema cut down to the
 * policy's fields and scoped fields, where only the default fields the catalogue requires stay
 * required. Null when nothing of the type is sent. The `dataschema` of partner events points here.
 */
export function partnerDataSchema(type: string): Record<string, unknown> | null {
  const definition = eventDefinition(type);
  const policy = partnerPolicy(type);
  if (!definition || !policy || policy.partnerVisible === false) return null;
  const schema = definition.schema as unknown as { properties?: Record<string, unknown>; required?: string[]; description?: string };
  const personal = new Set(definition.personalData.map(topLevel));
  const allowed = [...policy.fields.filter((f) => !personal.has(f)), ...Object.keys(policy.scoped ?? {})];
  const all = schema.properties ?? {};
  const properties = Object.fromEntries(allowed.filter((f) => all[f] !== undefined).map((f) => [f, all[f]]));
  const required = (schema.required ?? []).filter((f) => policy.fields.includes(f) && !personal.has(f));
  return { type: 'object', additionalProperties: false, required, properties };
}
