import { createHash } from 'node:crypto';
import { quarterOf } from '../indices/cells';
import { AREA_SAFETY, POST_CONTACT, STAFF_PULSE } from '../instruments/catalogue';
import { checkAnswers, indicatorsOf, observe } from '../instruments/definition';
import type { InstrumentDefinition } from '../instruments/types';
import { maskPersonalData } from '../responses/personal-data';
import { ASTANA_MARGINS, ASTANA_PRECINCTS, ASTANA_UNITS } from './astana';
import { AREA_COMMENTS, AREA_PER_MONTH, DEMO_SEED, generateDemo, lastMonths, POST_CONTACT_COMMENTS, PULSE_COMMENTS, territoryOf, type DemoResponse } from './generate';

const MONTHS = lastMonths('2026-11-22', 12);
const PLAN = { seed: DEMO_SEED, months: MONTHS, precincts: ASTANA_PRECINCTS, units: ASTANA_UNITS };
const DATA = generateDemo(PLAN);
const DEFINITIONS: Record<DemoResponse['kind'], InstrumentDefinition> = { area: AREA_SAFETY, post_contact: POST_CONTACT, staff_pulse: STAFF_PULSE };

const digest = (rows: readonly DemoResponse[]) => createHash('sha256').update(JSON.stringify(rows)).digest('hex');

function groupCount(rows: readonly DemoResponse[], key: (r: DemoResponse) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) out.set(key(r), (out.get(key(r)) ?? 0) + 1);
  return out;
}

/** Unweighted mean of one indicator (0..100; shares in %) over the responses that count towards it. */
function mean(rows: readonly DemoResponse[], definition: InstrumentDefinition, indicator: string): number {
  const indicators = indicatorsOf(definition).filter((i) => i.code === indicator);
  const xs = rows.map((r) => observe(definition, indicators, r.answers).get(indicator)).filter((x): x is number => typeof x === 'number');
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return indicators[0].kind === 'share' ? m * 100 : m;
}

const area = DATA.filter((r) => r.kind === 'area');
const contact = DATA.filter((r) => r.kind === 'post_contact');
const pulse = DATA.filter((r) => r.kind === 'staff_pulse');
const ofPrecinct = (rows: readonly DemoResponse[], code: string, months: readonly string[] = MONTHS) => rows.filter((r) => r.precinctCode === code && months.includes(r.month));

describe('demo survey data', () => {
  it('covers the twelve Asia/Almaty months up to the current one, oldest first', () => {
    expect(MONTHS).toHaveLength(12);
    expect(MONTHS[0]).toBe('2025-12-01');
    expect(MONTHS[11]).toBe('2026-11-01');
    expect(lastMonths('2026-02-28', 3)).toEqual(['2025-12-01', '2026-01-01', '2026-02-01']);
    expect(new Set(DATA.map((r) => r.month))).toEqual(new Set(MONTHS));
  });

  it('is the same on every run, and another seed gives other data', () => {
    expect(digest(generateDemo(PLAN))).toBe(digest(DATA));
    expect(digest(generateDemo({ ...PLAN, seed: DEMO_SEED + 1 }))).not.toBe(digest(DATA));
  });

  it('has a few thousand responses of all three instruments, every one valid for its instrument', () => {
    expect(DATA.length).toBeGreaterThan(5000);
    expect(DATA.length).toBeLessThan(12000);
    for (const r of DATA) expect({ kind: r.kind, problems: checkAnswers(DEFINITIONS[r.kind], r.answers) }).toEqual({ kind: r.kind, problems: [] });
    // Profiles only where the instrument asks them, and most respondents give them.
    expect(contact.concat(pulse).some((r) => 'profile_sex' in r.answers || 'profile_age' in r.answers)).toBe(false);
    expect(area.filter((r) => 'profile_sex' in r.answers).length / area.length).toBeGreaterThan(0.8);
    expect(area.filter((r) => 'profile_age' in r.answers).length / area.length).toBeGreaterThan(0.75);
  });

  it('puts every response in its territory: precinct, district and region of the code; the pulse per unit', () => {
    expect(territoryOf('AST-ESL-01')).toEqual({ districtCode: 'AST-ESL', regionCode: 'AST' });
    for (const r of area.concat(contact)) expect(territoryOf(r.precinctCode!)).toEqual({ districtCode: r.districtCode, regionCode: r.regionCode });
    expect(new Set(pulse.map((r) => r.districtCode))).toEqual(new Set(ASTANA_UNITS.map((u) => u.code)));
    expect(pulse.every((r) => r.precinctCode === null && r.regionCode === 'AST' && r.serviceLine === null)).toBe(true);
    expect(contact.every((r) => r.serviceLine !== null)).toBe(true);
    expect(area.every((r) => r.serviceLine === null)).toBe(true);
  });

  it('gives 25-60 area responses per precinct and month: some months below the threshold of 30, every quarter above', () => {
    const monthly = groupCount(area, (r) => `${r.precinctCode} ${r.month}`);
    expect(monthly.size).toBe(ASTANA_PRECINCTS.length * 12);
    for (const n of monthly.values()) {
      expect(n).toBeGreaterThanOrEqual(AREA_PER_MONTH[0]);
      expect(n).toBeLessThanOrEqual(AREA_PER_MONTH[1]);
    }
    expect([...monthly.values()].filter((n) => n < 30).length).toBeGreaterThan(0);
    for (const n of groupCount(area, (r) => `${r.precinctCode} ${quarterOf(r.month)}`).values()) expect(n).toBeGreaterThanOrEqual(30);
  });

  it('shows real differences between precincts', () => {
    const trust = Object.fromEntries(ASTANA_PRECINCTS.map((p) => [p.code, mean(ofPrecinct(area, p.code), AREA_SAFETY, 'trust')]));
    const safe = Object.fromEntries(ASTANA_PRECINCTS.map((p) => [p.code, mean(ofPrecinct(area, p.code), AREA_SAFETY, 'feel_safe')]));
    expect(trust['AST-ESL-01'] - trust['AST-SAR-01']).toBeGreaterThan(10);
    expect(safe['AST-ESL-01'] - safe['AST-SAR-01']).toBeGreaterThan(15);
    // Over the year, Yesil's two precincts trust the most and Saryarka's the least.
    const byTrust = [...ASTANA_PRECINCTS].sort((a, b) => trust[b.code] - trust[a.code]).map((p) => p.code);
    expect(byTrust.slice(0, 2).sort()).toEqual(['AST-ESL-01', 'AST-ESL-02']);
    expect(byTrust.slice(-2).sort()).toEqual(['AST-SAR-01', 'AST-SAR-02']);
  });

  it('has a mild trend: AST-SAR-01 improves through the year, AST-ALM-02 declines', () => {
    const first = MONTHS.slice(0, 3);
    const last = MONTHS.slice(-3);
    const change = (code: string) => mean(ofPrecinct(area, code, last), AREA_SAFETY, 'trust') - mean(ofPrecinct(area, code, first), AREA_SAFETY, 'trust');
    expect(change('AST-SAR-01')).toBeGreaterThan(4);
    expect(change('AST-ALM-02')).toBeLessThan(0);
  });

  it('rates local police better than criminal police after a contact', () => {
    const line = (l: string) => contact.filter((r) => r.serviceLine === l);
    expect(line('local_police').length).toBeGreaterThan(line('criminal_police').length);
    expect(mean(line('local_police'), POST_CONTACT, 'csat') - mean(line('criminal_police'), POST_CONTACT, 'csat')).toBeGreaterThan(15);
    expect(mean(line('local_police'), POST_CONTACT, 'resolved')).toBeGreaterThan(mean(line('criminal_police'), POST_CONTACT, 'resolved'));
    expect(mean(line('local_police'), POST_CONTACT, 'contact_quality')).toBeGreaterThan(mean(line('criminal_police'), POST_CONTACT, 'contact_quality'));
  });

  it('gives the units different staff satisfaction', () => {
    const unit = (code: string) => mean(pulse.filter((r) => r.districtCode === code), STAFF_PULSE, 'staff_satisfaction');
    expect(unit('AST-ESL') - unit('AST-SAR')).toBeGreaterThan(8);
  });

  it('over-represents women and older people, so weighting to the margins changes the figures', () => {
    const share = (key: string, value: string) => area.filter((r) => r.answers[key] === value).length / area.filter((r) => key in r.answers).length;
    expect(share('profile_sex', 'female')).toBeGreaterThan(ASTANA_MARGINS.sex.female + 0.03);
    expect(share('profile_age', '60+')).toBeGreaterThan(ASTANA_MARGINS.ageBand['60+'] + 0.04);
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(sum(ASTANA_MARGINS.sex)).toBeCloseTo(1, 9);
    expect(sum(ASTANA_MARGINS.ageBand)).toBeCloseTo(1, 9);
  });

  it('writes comments without personal data (they go in as stored, not through the masking)', () => {
    for (const text of [...AREA_COMMENTS, ...POST_CONTACT_COMMENTS, ...PULSE_COMMENTS]) expect(maskPersonalData(text)).toEqual({ text, found: [] });
    expect(DATA.every((r) => r.masked.length === 0)).toBe(true);
    expect(area.some((r) => typeof r.answers.top_issue === 'string')).toBe(true);
  });
});
