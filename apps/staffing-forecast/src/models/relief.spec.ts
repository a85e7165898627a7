import { RELIEF_FORMULA, daysBasedReliefFactor, netAvailableHours, postHours, shiftReliefFactor } from './relief';

describe('shift relief factor', () => {
  it('reproduces the Local Government Performance Center example: 2,920 / 1,698 = 1.72', () => {
    const post = postHours(8);
    expect(post).toBe(2920);
    const scheduled = 8 * 5 * 52;
    expect(scheduled).toBe(2080);
    const net = netAvailableHours(scheduled, { absences: 382 });
    expect(net.availableHours).toBe(1698);
    expect(net.absenceHours).toBe(382);
    expect(Math.round(net.absenceShare * 1000) / 10).toBe(18.4);
    const srf = shiftReliefFactor(post, net.availableHours);
    expect(srf).toBeCloseTo(2920 / 1698, 12);
    expect(Math.round(srf * 100) / 100).toBe(1.72);
  });

  it('reproduces the Minnesota Chiefs example: 2,920 − 1,071 = 1,849 h, SRF 1.57 (truncated; 1.5792 exactly)', () => {
    const net = netAvailableHours(postHours(8), { unavailable: 1071 });
    expect(net.availableHours).toBe(1849);
    const srf = shiftReliefFactor(2920, net.availableHours);
    expect(srf).toBeCloseTo(1.5792, 4);
    // The publication prints 1.57: the ratio truncated to 2 dp (rounded it would be 1.58).
    expect(Math.floor(srf * 100) / 100).toBe(1.57);
  });

  it('notes that the Minnesota itemisation does not add up to its printed total (1,271 h, not 1,071 h)', () => {
    // Minnesota Chiefs of Police Educational Foundation 1998 ETI, p. 25: days off 832, vacation 91, holidays 88, training 225,
    // sick 35, "TOTAL 1,071". The items sum to 1,271 h, which would leave 1,649 h and an SRF of 1.77.
    const itemised = netAvailableHours(postHours(8), { daysOff: 832, vacation: 91, holidays: 88, training: 225, sick: 35 });
    expect(itemised.absenceHours).toBe(1271);
    expect(itemised.availableHours).toBe(1649);
    expect(Math.round(shiftReliefFactor(2920, itemised.availableHours) * 100) / 100).toBe(1.77);
  });

  it('supports other shift lengths and years', () => {
    expect(postHours(24)).toBe(8760);
    expect(postHours(10, 366)).toBe(3660);
    expect(postHours(0)).toBe(0);
    expect(shiftReliefFactor(0, 1000)).toBe(0);
  });

  it('computes the days-based variant (365 / days on)', () => {
    // 5×8 schedule: 104 weekly days off, 24 vacation, 11 holidays, 5 training, 6 sick → 215 days on → SRF ≈ 1.70.
    const result = daysBasedReliefFactor({ weeklyDaysOff: 2, leaveDays: { vacation: 24, holidays: 11, training: 5, sick: 6 } });
    expect(result.daysOn).toBe(215);
    expect(result.factor).toBeCloseTo(365 / 215, 12);
    expect(daysBasedReliefFactor({ weeklyDaysOff: 0, leaveDays: {} })).toEqual({ daysOn: 365, factor: 1 });
  });

  it('rejects invalid input', () => {
    expect(() => postHours(-1)).toThrow(RangeError);
    expect(() => postHours(25)).toThrow(/<= 24/);
    expect(() => netAvailableHours(0, {})).toThrow(/base hours/);
    expect(() => netAvailableHours(2080, { sick: -1 })).toThrow(/absence 'sick'/);
    expect(() => netAvailableHours(2080, { all: 2080 })).toThrow(/no available hours/);
    expect(() => shiftReliefFactor(2920, 0)).toThrow(/available hours per officer/);
    expect(() => shiftReliefFactor(Number.NaN, 1)).toThrow(RangeError);
    expect(() => daysBasedReliefFactor({ weeklyDaysOff: 8, leaveDays: {} })).toThrow(/<= 7/);
    expect(() => daysBasedReliefFactor({ weeklyDaysOff: 7, leaveDays: { x: 1 } })).toThrow(/no days on duty/);
  });

  it('states its formula', () => {
    expect(RELIEF_FORMULA).toMatch(/^SRF = /);
  });
});
