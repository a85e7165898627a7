import { CitizenRequestRegistered, ForecastPublished, TrustIndexUpdated } from '@seriktes/contracts';
import { territoriesOf } from '../redaction/redact';
import { checkEventTypePattern, checkTerritoryFilter, isWithin, matchesEventType, matchesTerritory } from './matching';

const REGISTERED = 'kz.seriktes.citizen-request.registered.v1';
const CLOSED = 'kz.seriktes.citizen-request.closed.v1';
const TASK = 'kz.seriktes.commission-task.assigned.v1';
const RESPONSE = 'kz.seriktes.survey-response.received.v1';
const AGREEMENT = 'kz.seriktes.sharing-agreement.changed.v1';

describe('event type patterns', () => {
  it.each([REGISTERED, 'kz.seriktes.citizen-request.*', 'citizen-request.*', 'commission-task.*', 'forecast.*', '*'])('accepts %s', (p) => {
    expect(checkEventTypePattern(p)).toBeNull();
  });

  it.each([
    ['', 'required'],
    ['kz.seriktes.citizen-request.*.v1', 'not an event type pattern'],
    ['citizen-request', 'not an event type pattern'],
    ['citizen-request.registered', 'not an event type pattern'],
    ['kz.seriktes.*', 'not an event type pattern'],
    ['**', 'not an event type pattern'],
    ['Citizen-Request.*', 'not an event type pattern'],
    ['kz.seriktes.nothing.happened.v1', 'not an event type sent to partners'],
    [RESPONSE, 'not an event type sent to partners'],
    [AGREEMENT, 'not an event type sent to partners'],
    ['survey-response.*', 'no event type of survey-response'],
    ['sharing-agreement.*', 'no event type of sharing-agreement'],
    ['nothing.*', 'no event type of nothing'],
    ['x'.repeat(201), 'at most'],
  ])('refuses %j (%s)', (p, message) => {
    expect(checkEventTypePattern(p)).toContain(message);
  });

  it('matches full types, aggregate wildcards and *', () => {
    expect(matchesEventType([REGISTERED], REGISTERED)).toBe(true);
    expect(matchesEventType([REGISTERED], CLOSED)).toBe(false);
    expect(matchesEventType(['citizen-request.*'], CLOSED)).toBe(true);
    expect(matchesEventType(['kz.seriktes.citizen-request.*'], CLOSED)).toBe(true);
    expect(matchesEventType(['citizen-request.*'], TASK)).toBe(false);
    expect(matchesEventType(['commission.*'], TASK)).toBe(false);
    expect(matchesEventType(['forecast.*', TASK], TASK)).toBe(true);
    expect(matchesEventType(['*'], TASK)).toBe(true);
    expect(matchesEventType([], TASK)).toBe(false);
  });

  it('never matches types that are not sent to partners', () => {
    expect(matchesEventType(['*'], RESPONSE)).toBe(false);
    expect(matchesEventType([RESPONSE, 'survey-response.*'], RESPONSE)).toBe(false);
    expect(matchesEventType(['*'], AGREEMENT)).toBe(false);
    expect(matchesEventType(['*'], 'kz.seriktes.nothing.happened.v1')).toBe(false);
  });
});

describe('territory filters', () => {
  const precinctEvent = territoriesOf(CitizenRequestRegistered.type, CitizenRequestRegistered.example as unknown as Record<string, unknown>);
  const regionEvent = ['AST'];
  const nationalEvent = territoriesOf(TrustIndexUpdated.type, { ...TrustIndexUpdated.example, scopeLevel: 'national', scopeCode: 'KAZ' });

  it('validates filters', () => {
    for (const ok of ['AST', 'AST-ESL', 'AST-ESL-01', 'KAZ']) expect(checkTerritoryFilter(ok)).toBeNull();
    for (const bad of ['', 'ast', 'AST-', 'AST-ESL-1', 'AST_ESL', 'AST-ESL-01-02']) expect(checkTerritoryFilter(bad)).not.toBeNull();
  });

  it('knows what lies inside what', () => {
    expect(isWithin('AST-ESL-01', 'AST')).toBe(true);
    expect(isWithin('AST-ESL-01', 'AST-ESL')).toBe(true);
    expect(isWithin('AST-ESL', 'AST-ESL')).toBe(true);
    expect(isWithin('AST', 'KAZ')).toBe(true);
    expect(isWithin('AST', 'AST-ESL')).toBe(false);
    expect(isWithin('ASTX', 'AST')).toBe(false);
    expect(isWithin('AST-ESL-011', 'AST-ESL-01')).toBe(false);
  });

  it('lets a region, district or precinct filter match events inside it', () => {
    expect(precinctEvent).toEqual(['AST-ESL-01', 'AST-ESL', 'AST']);
    expect(matchesTerritory(['AST'], precinctEvent)).toBe(true);
    expect(matchesTerritory(['AST-ESL'], precinctEvent)).toBe(true);
    expect(matchesTerritory(['AST-ESL-01'], precinctEvent)).toBe(true);
    expect(matchesTerritory(['AST-ESL-02'], precinctEvent)).toBe(false);
    expect(matchesTerritory(['AST-ALM'], precinctEvent)).toBe(false);
    expect(matchesTerritory(['ALA'], precinctEvent)).toBe(false);
    expect(matchesTerritory(['ALA', 'AST-ESL-01'], precinctEvent)).toBe(true);
  });

  it('does not let a wider event reach a narrower filter', () => {
    expect(matchesTerritory(['AST'], regionEvent)).toBe(true);
    expect(matchesTerritory(['AST-ESL'], regionEvent)).toBe(false);
    expect(matchesTerritory(['AST-ESL-01'], regionEvent)).toBe(false);
  });

  it('sends national events only to national filters, and national filters get everything', () => {
    expect(nationalEvent).toEqual(['KAZ']);
    expect(matchesTerritory(['AST'], nationalEvent)).toBe(false);
    expect(matchesTerritory(['KAZ'], nationalEvent)).toBe(true);
    expect(matchesTerritory([], nationalEvent, 'KAZ')).toBe(true);
    expect(matchesTerritory([], nationalEvent, 'AST')).toBe(false);
    expect(matchesTerritory(['KAZ'], precinctEvent)).toBe(true);
  });

  it('reads empty filters as the partner\'s whole territory, and never goes beyond it', () => {
    expect(matchesTerritory([], precinctEvent, 'AST')).toBe(true);
    expect(matchesTerritory([], precinctEvent, 'ALA')).toBe(false);
    expect(matchesTerritory(['AST-ESL'], precinctEvent, 'AST')).toBe(true);
    expect(matchesTerritory(['AST-ESL'], precinctEvent, 'ALA')).toBe(false);
    expect(matchesTerritory([], precinctEvent)).toBe(false);
    expect(matchesTerritory(['AST'], [])).toBe(false);
  });

  it('routes a forecast to the partners of every district it lists', () => {
    const forecast = territoriesOf(ForecastPublished.type, ForecastPublished.example as unknown as Record<string, unknown>);
    expect(matchesTerritory(['AST-ESL'], forecast)).toBe(true);
    expect(matchesTerritory(['AST-ALM'], forecast)).toBe(false);
  });
});
