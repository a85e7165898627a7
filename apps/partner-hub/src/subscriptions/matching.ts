/**
 * Which events a subscription (or a feed request) wants: event type patterns and territory filters.
 *
 * Type patterns: a full type (`kz.seriktes.citizen-request.registered.v1`), every type of one
 * aggregate (`kz.seriktes.citizen-request.*` or `citizen-request.*`), or `*`. Only types sent to
 * partners ever match, whatever the pattern: `*` means everything partner-visible.
 *
 * Territory filters: region, district or precinct codes, or `KAZ`. An event matches a filter when one
 * of its territories (territoriesOf, which includes the levels above each code) equals the filter
 * or lies inside it. So a filter AST matches events of AST, AST-ESL and AST-ESL-01, and a filter
 * AST-ESL-01 matches only that precinct. An event of a wider territory does NOT match a narrower
 * filter (a region-level AST event does not reach an AST-ESL filter): a partner that filters on a
 * district asked for that district's events, and region-wide news is for region-wide filters
 * (routing precision; a district partner wanting them adds AST to its filters, if its territory
 * allows). National events (`KAZ`) thus reach only `KAZ` filters, i.e. partners whose territory is
 * national; a `KAZ` filter matches every event.
 */
import { EVENT_TYPE_PATTERN, eventCatalogue, parseEventType, TERRITORY_CODE_PATTERN } from '@seriktes/contracts';
import { isPartnerVisible } from '../redaction/policy';
import { NATIONAL_TERRITORY } from '../redaction/redact';

const MAX_PATTERN_LENGTH = 200;
const AGGREGATE_WILDCARD = /^(?:kz\.seriktes\.)?([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\.\*$/;
const TERRITORY = new RegExp(TERRITORY_CODE_PATTERN);

function visibleAggregates(): Set<string> {
  return new Set(eventCatalogue().filter((d) => isPartnerVisible(d.type)).map((d) => parseEventType(d.type).aggregate));
}

/** Why an event type pattern is not accepted, or null when it is. */
export function checkEventTypePattern(p: string): string | null {
  if (typeof p !== 'string' || !p) return 'an event type pattern is required';
  if (p.length > MAX_PATTERN_LENGTH) return `an event type pattern has at most ${MAX_PATTERN_LENGTH} characters`;
  if (p === '*') return null;
  const wildcard = AGGREGATE_WILDCARD.exec(p);
  if (wildcard) {
    return visibleAggregates().has(wildcard[1]) ? null : `no event type of ${wildcard[1]} is sent to partners`;
  }
  if (EVENT_TYPE_PATTERN.test(p)) {
    return isPartnerVisible(p) ? null : `${p} is not an event type sent to partners (see the catalogue)`;
  }
  return `${JSON.stringify(p)} is not an event type pattern: use a full type (kz.seriktes.<aggregate>.<verb>.v<N>), <aggregate>.*, kz.seriktes.<aggregate>.* or *`;
}

function matchesOne(pattern: string, type: string, aggregate: string): boolean {
  if (pattern === '*') return true;
  const wildcard = AGGREGATE_WILDCARD.exec(pattern);
  if (wildcard) return wildcard[1] === aggregate;
  return pattern === type;
}

/** Whether an event type matches any of the patterns; never for types not sent to partners. */
export function matchesEventType(patterns: readonly string[], type: string): boolean {
  if (!isPartnerVisible(type)) return false;
  const { aggregate } = parseEventType(type);
  return patterns.some((p) => matchesOne(p, type, aggregate));
}

/** Why a territory filter is not accepted, or null: a region, district or precinct code, or KAZ. */
export function checkTerritoryFilter(code: string): string | null {
  if (code === NATIONAL_TERRITORY || (typeof code === 'string' && TERRITORY.test(code))) return null;
  return `${JSON.stringify(code)} is not a territory code (AST, AST-ESL, AST-ESL-01 or KAZ)`;
}

/** Whether territory `code` equals `area` or lies inside it (everything lies inside KAZ). */
export function isWithin(code: string, area: string): boolean {
  return area === NATIONAL_TERRITORY || code === area || code.startsWith(`${area}-`);
}

/**
 * Whether an event concerning `eventTerritories` (territoriesOf) matches the filters. `filters` are
 * the subscription's territories; when it has none, pass the partner's whole territory as the only
 * filter (or give it as `partnerTerritory`). When `partnerTerritory` is given the event must also
 * lie within it, whatever the filters say. Empty filters without a partner territory match nothing
 * (default deny), and so does an event without territories.
 */
export function matchesTerritory(filters: readonly string[], eventTerritories: readonly string[], partnerTerritory?: string | null): boolean {
  if (!eventTerritories.length) return false;
  const within = (areas: readonly string[]) => areas.some((area) => eventTerritories.some((code) => isWithin(code, area)));
  if (partnerTerritory && !within([partnerTerritory])) return false;
  const effective = filters.length ? filters : partnerTerritory ? [partnerTerritory] : [];
  return within(effective);
}
