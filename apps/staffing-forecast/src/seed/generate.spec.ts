import { createHash } from 'node:crypto';
import { addMonths, monthsBetween } from '../inputs/months';
import { computePrecinct, type CategoryHistory } from '../runs/engine';
import { DEFAULT_HANDLING_HOURS, DEFAULT_PARAMETERS } from '../runs/parameters';
import { parseFactsCsv, validateFact } from '../workforce/facts';
import { ASTANA_DISTRICTS, CATEGORY_PROFILES, precinctCode } from './astana';
import { factsCsv } from './store';
import { astanaPrecincts, DEMO_SEED, generateTasks, generateWorkforce, generateWorkload, planDistrict, type WorkloadRow } from './generate';

// The 36 complete months before November 2026, as the seed would write them then.
const MONTHS = monthsBetween('2023-11-01', '2026-10-01');
const PERIODS = MONTHS.slice(-24);
const PRECINCTS = astanaPrecincts(DEMO_SEED);
const ROWS = generateWorkload(DEMO_SEED, PRECINCTS, MONTHS);
const TASKS = generateTasks(DEMO_SEED, PRECINCTS, MONTHS.slice(-12));
const FACTS = generateWorkforce(DEMO_SEED, PERIODS);
const RESIDENTS = ASTANA_DISTRICTS.reduce((s, d) => s + d.population, 0);

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');
const fingerprint = (rows: readonly WorkloadRow[]) => digest(rows.map((r) => `${r.precinctCode} ${r.category} ${r.month} ${r.requests} ${r.line102} ${r.answered} ${r.elapsedHours} ${r.units}`).join('\n'));
const sum = (rows: readonly WorkloadRow[], key: 'requests' | 'line102' | 'answered' | 'elapsedHours' | 'units' = 'requests') => rows.reduce((s, r) => s + r[key], 0);
const of = (category: string, calendarMonths: string[]) => ROWS.filter((r) => r.category === category && calendarMonths.includes(r.month.slice(5, 7)));
const year = (k: number) => ROWS.filter((r) => r.month >= MONTHS[12 * k] && r.month <= MONTHS[12 * k + 11]);
const SUMMER = ['06', '07', '08'];
const WINTER = ['12', '01', '02'];

describe('demo staffing inputs', () => {
  it('are the same on every run, and another seed gives other data', () => {
    expect(fingerprint(generateWorkload(DEMO_SEED, astanaPrecincts(DEMO_SEED), MONTHS))).toBe(fingerprint(ROWS));
    expect(digest(generateWorkforce(DEMO_SEED, PERIODS))).toBe(digest(FACTS));
    expect(digest(generateTasks(DEMO_SEED, PRECINCTS, MONTHS.slice(-12)))).toBe(digest(TASKS));
    const esil = ASTANA_DISTRICTS.find((d) => d.code === 'AST-ESL')!;
    const other = generateWorkload(DEMO_SEED + 1, planDistrict(DEMO_SEED + 1, esil), MONTHS);
    expect(fingerprint(other)).not.toBe(fingerprint(ROWS.filter((r) => r.precinctCode.startsWith('AST-ESL-'))));
    expect(digest(generateWorkforce(DEMO_SEED + 1, PERIODS))).not.toBe(digest(FACTS));
  });

  it("cover the roster's 425 Astana precincts, district by district, each summing to the district's residents", () => {
    expect(PRECINCTS).toHaveLength(425);
    expect(PRECINCTS[0].code).toBe('AST-ALM-01');
    expect(PRECINCTS.some((p) => p.code === 'AST-ESL-01')).toBe(true);
    expect(PRECINCTS.some((p) => p.code === 'AST-ALM-105')).toBe(true);
    expect(precinctCode('AST-ESL', 7)).toBe('AST-ESL-07');
    expect(PRECINCTS.filter((p) => !/^AST-[A-Z]{3}-[0-9]{2,3}$/.test(p.code))).toEqual([]);
    expect(new Set(PRECINCTS.map((p) => p.code)).size).toBe(PRECINCTS.length);
    for (const d of ASTANA_DISTRICTS) {
      const own = planDistrict(DEMO_SEED, d);
      expect(Math.abs(own.reduce((s, p) => s + p.residents, 0) - d.population)).toBeLessThanOrEqual(own.length);
      for (const p of own) expect(p.residents / (d.population / d.precincts)).toBeGreaterThan(0.5);
    }
    // About one inspector's worth of residents per precinct (3,000-4,000 on average).
    expect(RESIDENTS / PRECINCTS.length).toBeGreaterThan(3000);
    expect(RESIDENTS / PRECINCTS.length).toBeLessThan(4000);
  });

  it('write every category of the catalogue in every precinct, month by month, with consistent counts', () => {
    expect(new Set(ROWS.map((r) => r.category))).toEqual(new Set(CATEGORY_PROFILES.map((c) => c.code)));
    expect(new Set(CATEGORY_PROFILES.map((c) => c.code))).toEqual(new Set(Object.keys(DEFAULT_HANDLING_HOURS)));
    expect(new Set(ROWS.map((r) => r.month))).toEqual(new Set(MONTHS));
    expect(new Set(ROWS.map((r) => r.precinctCode)).size).toBe(PRECINCTS.length);
    expect(ROWS.filter((r) => r.line102 > r.requests || r.units < r.answered || r.requests + r.answered === 0 || (r.answered === 0 && r.elapsedHours !== 0))).toEqual([]);
    expect(new Set(ROWS.map((r) => `${r.precinctCode}|${r.category}|${r.month}`)).size).toBe(ROWS.length);
  });

  it('give plausible totals for a city of 1.5 million: about 100 requests a year per 1,000 residents', () => {
    const lastYear = sum(year(2));
    expect(lastYear / (RESIDENTS / 1000)).toBeGreaterThan(70);
    expect(lastYear / (RESIDENTS / 1000)).toBeLessThan(140);
    const all = sum(ROWS);
    expect(sum(ROWS, 'answered') / all).toBeGreaterThan(0.9);
    expect(sum(ROWS, 'answered') / all).toBeLessThanOrEqual(1);
    expect(sum(ROWS, 'line102') / all).toBeGreaterThan(0.2);
    expect(sum(ROWS, 'line102') / all).toBeLessThan(0.4);
    // Elapsed time is mostly waiting: days, not hours; slow categories slower.
    const meanElapsed = (category: string) => sum(ROWS.filter((r) => r.category === category), 'elapsedHours') / sum(ROWS.filter((r) => r.category === category), 'answered');
    expect(meanElapsed('public-order-noise')).toBeGreaterThan(20);
    expect(meanElapsed('public-order-noise')).toBeLessThan(45);
    expect(meanElapsed('officer-complaint')).toBeGreaterThan(150);
    const units = sum(ROWS, 'units') / sum(ROWS, 'answered');
    expect(units).toBeGreaterThan(1.05);
    expect(units).toBeLessThan(1.3);
  });

  it('show the seasons: noise and drinking peak in summer, domestic violence in winter', () => {
    expect(sum(of('public-order-noise', SUMMER)) / sum(of('public-order-noise', WINTER))).toBeGreaterThan(1.8);
    expect(sum(of('alcohol-drugs', SUMMER)) / sum(of('alcohol-drugs', WINTER))).toBeGreaterThan(1.4);
    expect(sum(of('domestic-violence', WINTER)) / sum(of('domestic-violence', SUMMER))).toBeGreaterThan(1.2);
    expect(sum(of('officer-complaint', SUMMER)) / sum(of('officer-complaint', WINTER))).toBeGreaterThan(0.85);
    expect(sum(of('officer-complaint', SUMMER)) / sum(of('officer-complaint', WINTER))).toBeLessThan(1.15);
  });

  it('show the trends: internet fraud rises about a quarter a year, the city grows', () => {
    const fraud = (k: number) => sum(year(k).filter((r) => r.category === 'internet-fraud'));
    expect(fraud(1) / fraud(0)).toBeGreaterThan(1.15);
    expect(fraud(2) / fraud(1)).toBeGreaterThan(1.15);
    expect(fraud(2) / fraud(0)).toBeLessThan(1.8);
    expect(sum(year(2)) / sum(year(0))).toBeGreaterThan(1.02);
    // Nura grows fastest.
    const district = (code: string, k: number) => sum(year(k).filter((r) => r.precinctCode.startsWith(`${code}-`)));
    expect(district('AST-NUR', 2) / district('AST-NUR', 0)).toBeGreaterThan(district('AST-SAR', 2) / district('AST-SAR', 0));
  });

  it('make precincts and districts differ', () => {
    const perResident = new Map<string, number>();
    for (const p of PRECINCTS) perResident.set(p.code, 0);
    for (const r of year(2)) perResident.set(r.precinctCode, (perResident.get(r.precinctCode) ?? 0) + r.requests);
    const rates = PRECINCTS.map((p) => (perResident.get(p.code) ?? 0) / p.residents).sort((a, b) => a - b);
    expect(rates[Math.floor(rates.length * 0.9)] / rates[Math.floor(rates.length * 0.1)]).toBeGreaterThan(1.3);
    const share = (district: string, category: string) => {
      const rows = year(2).filter((r) => r.precinctCode.startsWith(`${district}-`));
      return sum(rows.filter((r) => r.category === category)) / sum(rows);
    };
    expect(share('AST-SAR', 'domestic-violence')).toBeGreaterThan(share('AST-ESL', 'domestic-violence') * 1.3);
    expect(share('AST-ESL', 'traffic-parking')).toBeGreaterThan(share('AST-SAR', 'traffic-parking') * 1.2);
    expect(PRECINCTS.filter((p) => p.hot).length).toBeGreaterThan(5);
  });

  it('need about one to one and a half inspectors per precinct by workload, as the roster has about one', () => {
    const byPrecinct = new Map<string, Map<string, CategoryHistory>>();
    for (const r of ROWS) {
      let categories = byPrecinct.get(r.precinctCode);
      if (!categories) byPrecinct.set(r.precinctCode, (categories = new Map()));
      let h = categories.get(r.category);
      if (!h) categories.set(r.category, (h = { category: r.category, requests: new Array<number>(MONTHS.length).fill(0), line102: 0, answered: 0, elapsedHours: 0, units: 0 }));
      h.requests[MONTHS.indexOf(r.month)] += r.requests;
      h.line102 += r.line102;
      h.answered += r.answered;
      h.elapsedHours += r.elapsedHours;
      h.units += r.units;
    }
    // Every 10th precinct, to keep the test quick.
    const needs = PRECINCTS.filter((_, i) => i % 10 === 0).map(
      (p) =>
        computePrecinct(
          {
            code: p.code,
            districtCode: p.districtCode,
            regionCode: 'AST',
            population: p.residents,
            settlementType: 'urban',
            officers: 1,
            officersWithSchedule: 1,
            availableHours: DEFAULT_PARAMETERS.fallbackAvailableHours,
            categories: [...(byPrecinct.get(p.code)?.values() ?? [])],
            tasksPerYear: 0.2,
            trust: null,
          },
          { horizonMonths: 12, scenario: 'neutral', model: 'workload', parameters: DEFAULT_PARAMETERS },
        ).workload,
    );
    const mean = needs.reduce((a, b) => a + b, 0) / needs.length;
    expect(mean).toBeGreaterThan(0.9);
    expect(mean).toBeLessThan(1.6);
  });

  it('give a few police commission tasks a month, for districts, precincts and the city', () => {
    expect(TASKS.length).toBeGreaterThan(40);
    expect(TASKS.length).toBeLessThan(200);
    expect(new Set(TASKS.map((t) => t.taskId)).size).toBe(TASKS.length);
    for (const t of TASKS) {
      expect(t.taskId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(t.territoryCode).toMatch(/^AST(-[A-Z]{3}(-[0-9]{2,3})?)?$/);
      expect(MONTHS.slice(-12)).toContain(t.month);
    }
    expect(new Set(TASKS.map((t) => t.territoryCode.split('-').length))).toEqual(new Set([1, 2, 3]));
  });

  it('give 24 valid workforce facts per district: authorised about 10 % above filled, turnover about 11 % a year', () => {
    expect(FACTS).toHaveLength(ASTANA_DISTRICTS.length * 24);
    for (const f of FACTS) expect(validateFact({ ...f, period: f.period.slice(0, 7) }, addMonths(PERIODS[23], 1))).toEqual({ errors: [], fact: f });
    const latest = FACTS.filter((f) => f.period === PERIODS[23]);
    for (const f of latest) {
      expect(f.authorised / f.filled).toBeGreaterThan(1.04);
      expect(f.authorised / f.filled).toBeLessThan(1.18);
      expect(f.trainingLeadMonths).toBe(6);
      expect(f.expectedRetirements).toBeGreaterThan(0);
    }
    const filled = latest.reduce((s, f) => s + f.filled, 0);
    // About one inspector per precinct, so one per 3,000-4,000 residents.
    expect(RESIDENTS / filled).toBeGreaterThan(3000);
    expect(RESIDENTS / filled).toBeLessThan(4000);
    const departures = FACTS.reduce((s, f) => s + f.departuresRetirement + f.departuresOwnRequest + f.departuresNegative + f.departuresTransfer + f.departuresOther, 0);
    const perYear = departures / 2 / filled;
    expect(perYear).toBeGreaterThan(0.06);
    expect(perYear).toBeLessThan(0.18);
    const hires = FACTS.reduce((s, f) => s + f.hires, 0);
    expect(hires / departures).toBeGreaterThan(0.8);
    expect(hires / departures).toBeLessThan(1.4);
    // The seed imports them as the template's CSV: read back, the same facts.
    expect(parseFactsCsv(factsCsv(FACTS), addMonths(PERIODS[23], 1))).toEqual({ facts: FACTS, errors: [] });
    // Own request is the most common reason.
    const by = (k: 'departuresRetirement' | 'departuresOwnRequest' | 'departuresNegative') => FACTS.reduce((s, f) => s + f[k], 0);
    expect(by('departuresOwnRequest')).toBeGreaterThan(by('departuresRetirement'));
    expect(by('departuresOwnRequest')).toBeGreaterThan(by('departuresNegative'));
  });
});
