import { ALLOCATION_FORMULA, AllocationParameters, AllocationUnit, DEFAULT_ALLOCATION, allocate } from './allocation';

/** mulberry32: a tiny deterministic PRNG for the property-style cases. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const unit = (code: string, current: number, workload: number, population = 1, risk = 1, floor?: number): AllocationUnit => ({
  code,
  current,
  need: { workload, population, risk },
  ...(floor === undefined ? {} : { floor }),
});
const params = (total: number, patch: Partial<AllocationParameters> = {}): AllocationParameters => ({ ...DEFAULT_ALLOCATION, total, ...patch });
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const byCode = (result: ReturnType<typeof allocate>) => Object.fromEntries(result.lines.map((line) => [line.code, line.allocated]));
const code = (i: number) => `P${String(i + 1).padStart(2, '0')}`;

describe('allocate', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_ALLOCATION).toEqual({ weights: { workload: 0.6, population: 0.3, risk: 0.1 }, maxChangeShare: 0.1, floor: 1 });
    expect(ALLOCATION_FORMULA).toContain('needShare_i');
  });

  describe('12 precincts, total unchanged, one precinct with 3× the workload', () => {
    const units = Array.from({ length: 12 }, (_, i) => unit(code(i), 20, i === 0 ? 3 : 1));
    const result = allocate(units, params(240));

    it('computes need shares and undamped targets', () => {
      const big = 0.6 * (3 / 14) + 0.3 / 12 + 0.1 / 12;
      const small = 0.6 * (1 / 14) + 0.3 / 12 + 0.1 / 12;
      expect(result.lines[0].needShare).toBeCloseTo(big, 12);
      expect(result.lines[1].needShare).toBeCloseTo(small, 12);
      expect(sum(result.lines.map((l) => l.needShare))).toBeCloseTo(1, 12);
      expect(result.lines[0].target).toBeCloseTo(240 * big, 10); // ≈ 38.9
      expect(result.lines[0].baseline).toBe(20);
    });

    it('lets the busy precinct gain only floor(d · current) = 2, and the totals add up exactly', () => {
      expect(sum(result.lines.map((l) => l.allocated))).toBe(240);
      expect(result.lines[0]).toMatchObject({ lower: 18, upper: 22, allocated: 22, change: 2, binding: 'damping-upper' });
      for (const line of result.lines.slice(1)) {
        expect(Math.abs(line.change)).toBeLessThanOrEqual(2);
        expect(line.binding).toBeNull();
      }
      expect(result.dampedUnits).toBe(1);
      // The 218 left are shared equally (19.82 each): 9 precincts get 20 and 2 get 19, ties broken by code.
      expect(result.lines.slice(1).map((l) => l.allocated)).toEqual([20, 20, 20, 20, 20, 20, 20, 20, 20, 19, 19]);
    });

    it('undamped (d = 1), rounds the targets by largest remainder', () => {
      const free = allocate(units, params(240, { maxChangeShare: 1 }));
      // targets 38.857 and 11 × 18.286: floors 38 + 198 = 236; remainders .857 then .286 (by code) get the last 4.
      expect(free.lines.map((l) => l.allocated)).toEqual([39, 19, 19, 19, 18, 18, 18, 18, 18, 18, 18, 18]);
      expect(free.dampedUnits).toBe(0);
    });

    it('with d = 0 nothing moves', () => {
      const frozen = allocate(units, params(240, { maxChangeShare: 0 }));
      expect(frozen.lines.every((l) => l.allocated === 20)).toBe(true);
      expect(frozen.lines[0].binding).toBe('damping-upper');
    });
  });

  it('spreads an increased total within the damped bounds', () => {
    const units = ['A', 'B', 'C', 'D'].map((c, i) => unit(c, 10, i === 3 ? 5 : 1));
    const result = allocate(units, params(48));
    // baseline 12 each → bounds [11, 13]; D (target 22.8) is capped at 13; A-C (targets 8.4) share the other 35.
    expect(result.lines.map((l) => [l.baseline, l.lower, l.upper])).toEqual(Array(4).fill([12, 11, 13]));
    expect(byCode(result)).toEqual({ A: 12, B: 12, C: 11, D: 13 });
    expect(result.lines.map((l) => l.binding)).toEqual([null, null, 'damping-lower', 'damping-upper']);
    expect(result.dampedUnits).toBe(2);
  });

  it('spreads a decreased total within the damped bounds', () => {
    const units = ['A', 'B', 'C', 'D'].map((c, i) => unit(c, 30, i === 3 ? 5 : 1));
    const result = allocate(units, params(100));
    // baseline 25 → bounds [ceil(22.5), floor(27.5)] = [23, 27].
    expect(result.lines[0]).toMatchObject({ baseline: 25, lower: 23, upper: 27 });
    expect(byCode(result)).toEqual({ A: 25, B: 24, C: 24, D: 27 });
    expect(sum(result.lines.map((l) => l.allocated))).toBe(100);
    expect(result.lines.map((l) => l.change)).toEqual([-5, -6, -6, -3]);
  });

  it('does not damp a new precinct upwards, and damps the others downwards', () => {
    const result = allocate([unit('A', 20, 1), unit('B', 20, 1), unit('NEW', 0, 2)], params(40));
    expect(result.lines[2]).toMatchObject({ current: 0, baseline: 0, lower: 1, upper: 40, allocated: 4, binding: null });
    expect(result.lines.slice(0, 2).map((l) => [l.lower, l.allocated, l.binding])).toEqual([
      [18, 18, 'damping-lower'],
      [18, 18, 'damping-lower'],
    ]);
  });

  it('respects floors', () => {
    // A new precinct with no need still gets its floor of 2.
    const result = allocate([unit('A', 10, 5, 5, 5), unit('B', 10, 5, 5, 5), unit('NEW', 0, 0, 0, 0, 2)], params(20));
    expect(result.lines[2]).toMatchObject({ lower: 2, allocated: 2, binding: 'floor' });
    expect(sum(result.lines.map((l) => l.allocated))).toBe(20);
    // No current staff: no damping, floors only.
    const workloadOnly = params(10, { weights: { workload: 1, population: 0, risk: 0 } });
    const fresh = allocate([unit('A', 0, 10), unit('B', 0, 0, 0, 0), unit('C', 0, 0, 0, 0, 3)], workloadOnly);
    expect(byCode(fresh)).toEqual({ A: 6, B: 1, C: 3 });
    expect(fresh.lines.map((l) => l.binding)).toEqual([null, 'floor', 'floor']);
    expect(fresh.lines[0].baseline).toBe(fresh.lines[0].target);
    // A unit floor overrides the default, including 0.
    expect(byCode(allocate([unit('A', 0, 1), unit('B', 0, 0, 0, 0, 0)], params(5)))).toEqual({ A: 5, B: 0 });
  });

  it('throws when the floors exceed the total', () => {
    expect(() => allocate([unit('A', 0, 1), unit('B', 0, 1)], params(1))).toThrow(RangeError);
    // A's floor 5 + B's damped minimum 2 (baseline 2) = 7 > 4.
    expect(() => allocate([unit('A', 1, 1, 1, 1, 5), unit('B', 1, 1)], params(4))).toThrow(/floors exceed the total.*add up to 7, more than the total of 4/);
  });

  it('drops components whose column is all zero and falls back to equal shares', () => {
    const result = allocate([unit('A', 5, 3, 1, 0), unit('B', 5, 1, 1, 0)], params(10, { maxChangeShare: 1 }));
    expect(result.lines[0].needShare).toBeCloseTo((0.6 / 0.9) * 0.75 + (0.3 / 0.9) * 0.5, 12);
    const equal = allocate([unit('A', 2, 0, 0, 0), unit('B', 2, 0, 0, 0), unit('C', 2, 0, 0, 0), unit('D', 2, 0, 0, 0)], params(8));
    expect(equal.lines.map((l) => l.needShare)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(equal.lines.map((l) => l.allocated)).toEqual([2, 2, 2, 2]);
  });

  it('handles empty input and a zero total', () => {
    expect(allocate([], params(0))).toEqual({ total: 0, lines: [], dampedUnits: 0 });
    expect(() => allocate([], params(3))).toThrow(/no units/);
    expect(byCode(allocate([unit('A', 3, 1, 1, 1, 0), unit('B', 1, 1, 1, 1, 0)], params(0, { floor: 0 })))).toEqual({ A: 0, B: 0 });
  });

  it('validates its input', () => {
    const ok = [unit('A', 1, 1)];
    expect(() => allocate(ok, params(1.5))).toThrow(/total must be an integer/);
    expect(() => allocate(ok, params(-1))).toThrow(/total/);
    expect(() => allocate(ok, params(1, { maxChangeShare: 1.1 }))).toThrow(/maxChangeShare/);
    expect(() => allocate(ok, params(1, { maxChangeShare: -0.1 }))).toThrow(/maxChangeShare/);
    expect(() => allocate(ok, params(1, { floor: 0.5 }))).toThrow(/floor must be an integer/);
    expect(() => allocate(ok, params(1, { weights: { workload: 0, population: 0, risk: 0 } }))).toThrow(/weights must not all be 0/);
    expect(() => allocate(ok, params(1, { weights: { workload: -1, population: 1, risk: 0 } }))).toThrow(/weight of workload/);
    expect(() => allocate([unit('A', 1.5, 1)], params(1))).toThrow(/current of 'A'/);
    expect(() => allocate([unit('A', -1, 1)], params(1))).toThrow(/current of 'A'/);
    expect(() => allocate([unit('A', 1, -1)], params(1))).toThrow(/workload need of 'A'/);
    expect(() => allocate([unit('A', 1, Number.NaN)], params(1))).toThrow(RangeError);
    expect(() => allocate([unit('A', 1, 1, 1, 1, -1)], params(1))).toThrow(/floor of 'A'/);
    expect(() => allocate([unit('A', 1, 1), unit('A', 1, 1)], params(2))).toThrow(/duplicate unit code 'A'/);
    expect(() => allocate([unit('', 1, 1)], params(1))).toThrow(/non-empty code/);
  });

  it('is deterministic and independent of unit order', () => {
    const units = Array.from({ length: 7 }, (_, i) => unit(code(i), 10, 1)); // all tied
    const forward = byCode(allocate(units, params(73)));
    const backward = byCode(allocate([...units].reverse(), params(73)));
    expect(backward).toEqual(forward);
    expect(forward).toEqual({ P01: 11, P02: 11, P03: 11, P04: 10, P05: 10, P06: 10, P07: 10 });
  });

  it('holds its invariants over 400 seeded random cases', () => {
    const random = mulberry32(20260515);
    const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
    const maybeZero = (scale: number) => (random() < 0.2 ? 0 : random() * scale);
    // Tolerant floor, as in the model: d · current is meant in decimal (0.1 × 30 = 3, not 3.0000000000000004).
    const floorOf = (x: number) => Math.floor(x + 1e-9 * Math.max(1, x));
    let checked = 0;
    let unchangedTotal = 0;
    let thrown = 0;
    for (let caseNo = 0; caseNo < 400; caseNo++) {
      const n = int(1, 15);
      const units = Array.from({ length: n }, (_, i) =>
        unit(code(i), random() < 0.1 ? 0 : int(0, 40), maybeZero(100), maybeZero(5000), maybeZero(10), random() < 0.3 ? int(0, 3) : undefined),
      );
      const d = [0, 0.05, 0.1, 0.2, 0.5, 1, random()][int(0, 6)];
      const weights = { workload: maybeZero(1), population: maybeZero(1), risk: maybeZero(1) };
      if (weights.workload + weights.population + weights.risk === 0) weights.workload = 1;
      const floor = int(0, 2);
      const currentSum = sum(units.map((u) => u.current));
      const swing = Math.ceil(currentSum / 3);
      const total = random() < 0.5 ? currentSum : currentSum > 0 ? Math.max(0, currentSum + int(-swing, swing)) : int(0, 100);
      const parameters: AllocationParameters = { total, weights, maxChangeShare: d, floor };
      const floors = units.map((u) => u.floor ?? floor);
      const baselines = units.map((u) => (currentSum > 0 ? (u.current * total) / currentSum : 0));
      // Σ max(floor_i, floor(b_i)) <= T guarantees feasibility, since Σ floor(b_i) <= T.
      const feasible = sum(floors.map((f, i) => Math.max(f, floorOf(baselines[i])))) <= total;

      let result: ReturnType<typeof allocate>;
      try {
        result = allocate(units, parameters);
      } catch (error) {
        expect(error).toBeInstanceOf(RangeError);
        expect((error as Error).message).toMatch(/floors exceed the total/);
        expect(feasible).toBe(false);
        thrown++;
        continue;
      }
      checked++;
      expect(sum(result.lines.map((l) => l.allocated))).toBe(total);
      expect(sum(result.lines.map((l) => l.needShare))).toBeCloseTo(1, 9);
      result.lines.forEach((line, i) => {
        expect(Number.isInteger(line.allocated)).toBe(true);
        expect(line.allocated).toBeGreaterThanOrEqual(line.lower);
        expect(line.allocated).toBeLessThanOrEqual(line.upper);
        expect(line.allocated).toBeGreaterThanOrEqual(floors[i]);
        expect(line.change).toBe(line.allocated - line.current);
        if (line.binding === 'damping-upper') expect(line.allocated === line.upper && line.target > line.upper).toBe(true);
        if (line.binding === 'damping-lower' || line.binding === 'floor') expect(line.allocated === line.lower && line.target < line.lower).toBe(true);
      });
      expect(result.dampedUnits).toBe(result.lines.filter((l) => l.binding === 'damping-lower' || l.binding === 'damping-upper').length);
      if (total === currentSum && currentSum > 0) {
        unchangedTotal++;
        // The strict rule: nobody loses more than floor(d · current); nobody gains more, unless a floor lifts them or they are new.
        result.lines.forEach((line, i) => {
          const cap = floorOf(d * line.current);
          expect(line.allocated).toBeGreaterThanOrEqual(line.current - cap);
          if (line.current > 0) expect(line.allocated).toBeLessThanOrEqual(line.current + Math.max(cap, floors[i] - line.current));
        });
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(unchangedTotal).toBeGreaterThan(150);
    expect(thrown).toBeLessThan(60);
  });
});
