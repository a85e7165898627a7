import { ERLANG_FORMULA, erlangB, erlangC, queueMetrics, smallestStaff } from './erlang';

// Independent reference: the textbook closed form with factorials (fine for small c).
function factorial(n: number): number {
  let f = 1;
  for (let k = 2; k <= n; k++) f *= k;
  return f;
}
function directErlangC(c: number, a: number): number {
  const tail = ((a ** c / factorial(c)) * c) / (c - a);
  let head = 0;
  for (let k = 0; k < c; k++) head += a ** k / factorial(k);
  return tail / (head + tail);
}
function directErlangB(c: number, a: number): number {
  let sum = 0;
  for (let k = 0; k <= c; k++) sum += a ** k / factorial(k);
  return a ** c / factorial(c) / sum;
}
// Same closed form in log space, for c where A^c and c! overflow.
function logSpaceErlangC(c: number, a: number): number {
  const logTerm = (k: number) => k * Math.log(a) - logFactorial(k);
  const logs = Array.from({ length: c }, (_, k) => logTerm(k));
  const logTail = logTerm(c) + Math.log(c / (c - a));
  const max = Math.max(logTail, ...logs);
  const head = logs.reduce((s, l) => s + Math.exp(l - max), 0);
  const tail = Math.exp(logTail - max);
  return tail / (head + tail);
}
function logFactorial(k: number): number {
  let s = 0;
  for (let i = 2; i <= k; i++) s += Math.log(i);
  return s;
}

describe('erlangB / erlangC', () => {
  it('A = 2, c = 3 gives C = 4/9 exactly (B = 4/19)', () => {
    expect(erlangB(3, 2)).toBeCloseTo(4 / 19, 12);
    expect(Math.abs(erlangC(3, 2) - 4 / 9)).toBeLessThan(1e-12);
  });

  it('single server: C(1, A) = A (M/M/1: P(wait) = ρ)', () => {
    for (const a of [0.1, 0.5, 0.9]) expect(erlangC(1, a)).toBeCloseTo(a, 12);
  });

  it('matches the direct formula for A = 10, c = 11…20 and for small loads', () => {
    const published = [0.6821182046893324, 0.44938822429827086, 0.28527045303649295, 0.17413193359504983, 0.10204236700798801];
    for (let c = 11; c <= 20; c++) {
      expect(erlangC(c, 10)).toBeCloseTo(directErlangC(c, 10), 12);
      if (c <= 15) expect(erlangC(c, 10)).toBeCloseTo(published[c - 11], 12);
    }
    for (const a of [0.3, 1, 2.5, 4.2]) {
      for (let c = Math.floor(a) + 1; c <= Math.floor(a) + 6; c++) {
        expect(erlangC(c, a)).toBeCloseTo(directErlangC(c, a), 12);
        expect(erlangB(c, a)).toBeCloseTo(directErlangB(c, a), 12);
      }
    }
  });

  it('stays finite and accurate where factorials overflow (A = 500, c = 520)', () => {
    const value = erlangC(520, 500);
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThan(1);
    expect(value).toBeCloseTo(logSpaceErlangC(520, 500), 9);
    expect(Number.isFinite(directErlangC(200, 190))).toBe(false); // the naive formula gives NaN here
  });

  it('is 1 for unstable queues and 0 without load', () => {
    expect(erlangC(3, 3)).toBe(1);
    expect(erlangC(3, 7.5)).toBe(1);
    expect(erlangC(0, 1)).toBe(1);
    expect(erlangC(5, 0)).toBe(0);
    expect(erlangB(0, 4)).toBe(1);
    expect(erlangB(4, 0)).toBe(0);
  });

  it('decreases as servers are added', () => {
    let previous = 1;
    for (let c = 8; c <= 30; c++) {
      const value = erlangC(c, 7.3);
      expect(value).toBeLessThan(previous);
      previous = value;
    }
  });

  it('rejects invalid arguments', () => {
    expect(() => erlangB(1.5, 1)).toThrow(/servers must be an integer/);
    expect(() => erlangC(-1, 1)).toThrow(RangeError);
    expect(() => erlangC(2, -1)).toThrow(/offered load/);
    expect(() => erlangB(2, Number.NaN)).toThrow(RangeError);
  });
});

describe('queueMetrics', () => {
  it('computes Wq = C/(cμ − λ) and P(wait > t) = C·e^{−(cμ−λ)t}', () => {
    // λ = 4/h, t̄ = 0.5 h (μ = 2) → A = 2; c = 3 → C = 4/9, cμ − λ = 2.
    const m = queueMetrics({ arrivalsPerHour: 4, handlingHours: 0.5, servers: 3 });
    expect(m.offeredLoad).toBe(2);
    expect(m.utilisation).toBeCloseTo(2 / 3, 12);
    expect(m.pWait).toBeCloseTo(4 / 9, 12);
    expect(m.pUnitFree).toBeCloseTo(5 / 9, 12);
    expect(m.meanWaitHours).toBeCloseTo(4 / 9 / 2, 12);
    expect(m.pWaitLongerThan(0)).toBeCloseTo(4 / 9, 12);
    expect(m.pWaitLongerThan(0.25)).toBeCloseTo((4 / 9) * Math.exp(-0.5), 12);
    expect(() => m.pWaitLongerThan(-1)).toThrow(RangeError);
  });

  it('reports an unstable queue as always waiting, forever', () => {
    const m = queueMetrics({ arrivalsPerHour: 10, handlingHours: 0.5, servers: 5 });
    expect(m.pWait).toBe(1);
    expect(m.pUnitFree).toBe(0);
    expect(m.meanWaitHours).toBe(Number.POSITIVE_INFINITY);
    expect(m.pWaitLongerThan(100)).toBe(1);
    expect(m.utilisation).toBe(1);
    expect(queueMetrics({ arrivalsPerHour: 1, handlingHours: 1, servers: 0 }).utilisation).toBe(Number.POSITIVE_INFINITY);
  });

  it('treats no load as no waiting, for any staff', () => {
    for (const servers of [0, 1, 4]) {
      const m = queueMetrics({ arrivalsPerHour: 0, handlingHours: 0.5, servers });
      expect([m.pWait, m.pUnitFree, m.meanWaitHours, m.pWaitLongerThan(0), m.utilisation]).toEqual([0, 1, 0, 0, 0]);
    }
  });
});

describe('smallestStaff', () => {
  // Call-centre textbook case: λ = 100 calls/h, 3-minute handling → A = 5 Erlangs.
  const callCentre = { arrivalsPerHour: 100, handlingHours: 3 / 60 };

  it('call centre: the smallest c with P(wait) <= 0.2 is 8 (C(7,5) = 0.324, C(8,5) = 0.167)', () => {
    expect(directErlangC(7, 5)).toBeCloseTo(0.324149949173288, 12);
    const { servers, metrics } = smallestStaff(callCentre, { minUnitFree: 0.8 });
    expect(servers).toBe(8);
    expect(metrics.offeredLoad).toBeCloseTo(5, 12);
    expect(metrics.pWait).toBeCloseTo(directErlangC(8, 5), 12);
    expect(metrics.pWait).toBeCloseTo(0.16726650666175663, 12);
    expect(metrics.meanWaitHours * 60).toBeCloseTo(0.16726650666175663, 10); // C/(cμ − λ) = 0.167/60 h ≈ 10 s
    expect(metrics.utilisation).toBeCloseTo(0.625, 12);
  });

  it('call centre: 80 % answered within 20 seconds needs 8 (c = 7 leaves 26 % waiting longer)', () => {
    const seconds20 = 20 / 3600;
    expect(queueMetrics({ ...callCentre, servers: 7 }).pWaitLongerThan(seconds20)).toBeCloseTo(0.25955898845663394, 10);
    const { servers, metrics } = smallestStaff(callCentre, { maxWaitHours: seconds20, withinProbability: 0.8 });
    expect(servers).toBe(8);
    expect(metrics.pWaitLongerThan(seconds20)).toBeCloseTo(0.11985168923344794, 10);
  });

  it('mean-wait target alone, and several targets together', () => {
    // Wq(8) = 0.167 min, Wq(9) = 0.060 min.
    expect(smallestStaff(callCentre, { maxWaitHours: 0.1 / 60 }).servers).toBe(9);
    expect(smallestStaff(callCentre, { minUnitFree: 0.5, maxWaitHours: 0.1 / 60 }).servers).toBe(9);
    expect(smallestStaff(callCentre, { minUnitFree: 0.9, maxWaitHours: 1 }).servers).toBe(9);
  });

  it('an empty target asks only for a stable queue', () => {
    expect(smallestStaff(callCentre, {}).servers).toBe(6);
    expect(smallestStaff({ arrivalsPerHour: 2, handlingHours: 1 }, {}).servers).toBe(3);
  });

  it('PAM-style objective: 90 % of P1 calls find a unit free', () => {
    const { servers, metrics } = smallestStaff({ arrivalsPerHour: 3, handlingHours: 0.75 }, { minUnitFree: 0.9 });
    expect(metrics.pUnitFree).toBeGreaterThanOrEqual(0.9);
    expect(1 - erlangC(servers - 1, 2.25)).toBeLessThan(0.9);
  });

  it('returns 0 servers when there are no arrivals', () => {
    const { servers, metrics } = smallestStaff({ arrivalsPerHour: 0, handlingHours: 1 }, { minUnitFree: 0.99 });
    expect(servers).toBe(0);
    expect(metrics.pWait).toBe(0);
  });

  it('is monotone in demand and in the target', () => {
    let previous = 0;
    for (let lambda = 0; lambda <= 60; lambda += 1.5) {
      const { servers } = smallestStaff({ arrivalsPerHour: lambda, handlingHours: 0.4 }, { minUnitFree: 0.9 });
      expect(servers).toBeGreaterThanOrEqual(previous);
      if (lambda > 0) expect(1 - erlangC(servers - 1, lambda * 0.4)).toBeLessThan(0.9); // one fewer would miss it
      previous = servers;
    }
    previous = 0;
    for (const level of [0, 0.5, 0.8, 0.9, 0.95, 0.99, 0.999]) {
      const { servers } = smallestStaff({ arrivalsPerHour: 20, handlingHours: 0.5 }, { minUnitFree: level });
      expect(servers).toBeGreaterThanOrEqual(previous);
      previous = servers;
    }
  });

  it('validates the target and gives up past maxServers', () => {
    expect(() => smallestStaff(callCentre, { minUnitFree: 1.2 })).toThrow(/minUnitFree/);
    expect(() => smallestStaff(callCentre, { withinProbability: 0.8 })).toThrow(/needs maxWaitHours/);
    expect(() => smallestStaff(callCentre, { maxWaitHours: -1 })).toThrow(/maxWaitHours/);
    expect(() => smallestStaff(callCentre, { minUnitFree: 0.8 }, 7)).toThrow(/no staffing up to 7 servers/);
    expect(() => smallestStaff({ arrivalsPerHour: -1, handlingHours: 1 }, {})).toThrow(/arrivals per hour/);
  });

  it('states its formula', () => {
    expect(ERLANG_FORMULA).toContain('P(wait > t)');
  });
});
