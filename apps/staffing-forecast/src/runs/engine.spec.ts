import { computePrecinct, type PrecinctInput, type RunSettings } from './engine';
import { DEFAULT_PARAMETERS, resolveParameters } from './parameters';

const flat = (perMonth: number, months = 24) => new Array<number>(months).fill(perMonth);

/** A precinct worked by hand: 9,000 urban residents, one officer with 1,698 available hours. */
const precinct: PrecinctInput = {
  code: 'AST-ESL-07',
  districtCode: 'AST-ESL',
  regionCode: 'AST',
  population: 9000,
  settlementType: 'urban',
  officers: 1,
  officersWithSchedule: 1,
  availableHours: 1698,
  categories: [
    { category: 'public-order-noise', requests: flat(100), line102: 240, answered: 0, elapsedHours: 0, units: 0 },
    { category: 'domestic-violence', requests: flat(10), line102: 0, answered: 0, elapsedHours: 0, units: 0 },
  ],
  tasksPerYear: 6,
  trust: null,
};
const settings = (over: Partial<RunSettings> = {}): RunSettings => ({ horizonMonths: 12, scenario: 'neutral', model: 'combined', parameters: { ...DEFAULT_PARAMETERS }, ...over });
const value = (list: Array<{ name: string; value: number }>, name: string) => list.find((x) => x.name === name)?.value;

describe('computePrecinct, by hand', () => {
  const result = computePrecinct(precinct, settings());
  const model = (name: string) => result.explanation.models.find((m) => m.model === name)!;

  it('projects a flat history flat: 1,200 and 120 requests a year', () => {
    expect(result.explanation.demand.map((d) => [d.category, Math.round(d.atHorizon)])).toEqual([
      ['public-order-noise', 1200],
      ['domestic-violence', 120],
    ]);
  });

  it('workload: W = 1,200 × 2 h + 120 × 6 h + 6 tasks × 8 h = 3,168 h; / 0.6 = 5,280 h; / 1,698 h = 3.11 inspectors', () => {
    const w = model('workload');
    expect(value(w.intermediate, 'W')).toBeCloseTo(3168, 0);
    expect(value(w.intermediate, 'hours needed = W / p')).toBeCloseTo(5280, 0);
    expect(result.workload).toBeCloseTo(5280 / 1698, 2);
  });

  it('population norm: 9,000 residents grow 1.3 % in a year; / 3,000 = 3.04', () => {
    expect(result.population).toBeCloseTo((9000 * 1.013) / 3000, 2);
  });

  it('shift relief factor of an 8-hour post: 2,920 / 1,698 = 1.72', () => {
    expect(model('relief').result).toBeCloseTo(1.72, 2);
  });

  it('queueing: 120 domestic-violence calls + 10 % of the 1,200 noise calls arriving by line 102 are time-critical', () => {
    const q = model('queueing');
    expect(value(q.inputs, 'time-critical calls a year')).toBeCloseTo(120 + 120, 0);
    // 240 calls a year at about 4 h each: A ≈ 0.11 erlangs; one inspector leaves 89 % free, two are needed for 90 %.
    expect(value(q.intermediate, 'c: inspectors on duty')).toBe(2);
    expect(result.queueing).toBeCloseTo(2 * (2920 / 1698), 2);
  });

  it('combined takes the larger of workload and queueing', () => {
    expect(result.need).toBeCloseTo(Math.max(result.workload, result.queueing), 3);
  });

  it('uses the measured time and units where enough requests were answered, when asked to', () => {
    const measured = { ...precinct, categories: [{ category: 'public-order-noise', requests: flat(100), line102: 0, answered: 50, elapsedHours: 150, units: 75 }] };
    const r = computePrecinct(measured, settings({ parameters: { ...DEFAULT_PARAMETERS, handlingTimeSource: 'measured' } }));
    expect(r.explanation.demand[0]).toMatchObject({ handlingHours: 3, handlingSource: 'measured', unitsPerRequest: 1.5 });
    // 1,200 × 3 h × 1.5 + 48 h of tasks = 5,448 h.
    expect(value(r.explanation.models[0].intermediate, 'W')).toBeCloseTo(5448, 0);
  });

  it('weighs risk up where trust is low', () => {
    const low = computePrecinct({ ...precinct, trust: 25 }, settings());
    expect(low.risk).toBeCloseTo(result.risk * 1.25, 3);
  });

  it('grows demand with the scenario on a long horizon: negative above neutral above positive', () => {
    const at = (scenario: RunSettings['scenario']) => computePrecinct(precinct, settings({ horizonMonths: 120, scenario })).workload;
    expect(at('negative')).toBeGreaterThan(at('neutral'));
    expect(at('neutral')).toBeGreaterThan(at('positive'));
  });

  it('falls back to the published worked example when the roster has no schedules', () => {
    const r = computePrecinct({ ...precinct, officersWithSchedule: 0, availableHours: 0 }, settings());
    expect(value(r.explanation.models[0].inputs, 'available hours per inspector')).toBe(1698);
  });
});

describe('resolveParameters', () => {
  it('keeps defaults where nothing is given', () => {
    expect(resolveParameters({})).toEqual({ parameters: DEFAULT_PARAMETERS, errors: [] });
  });

  it('names every parameter out of range', () => {
    const { errors } = resolveParameters({ obligatedShare: 0, maxChangeShare: 2, floor: 1.5, historyMonths: 2, allocationWeights: { workload: 0, population: 0, risk: 0 }, timeCriticalCategories: ['Bad Code'] });
    expect(errors.map((e) => e.field).sort()).toEqual(['allocationWeights', 'floor', 'historyMonths', 'maxChangeShare', 'obligatedShare', 'timeCriticalCategories']);
  });
});
