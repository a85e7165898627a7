import { LEAVE_KINDS, annualLeaveEntitlement, isOnLeave, leaveDays, validateLeave, type Leave } from './leave';
import { localInstant } from './time';

describe('leave kinds', () => {
  it('lists every kind with names in three languages and the seed-000 caps', () => {
    expect(LEAVE_KINDS.map((k) => k.kind)).toEqual(['annual', 'seniority_extra', 'short', 'study', 'sick', 'maternity', 'unpaid', 'compensatory', 'other']);
    for (const k of LEAVE_KINDS) expect(k.name.kk && k.name.ru && k.name.en).toBeTruthy();
    const cap = (kind: string): number | undefined => LEAVE_KINDS.find((k) => k.kind === kind)?.maxDays;
    expect([cap('short'), cap('unpaid'), cap('maternity'), cap('seniority_extra'), cap('sick')]).toEqual([10, 5, 126, 15, undefined]);
  });
});

describe('validateLeave', () => {
  const existing: Leave[] = [{ kind: 'annual', startDate: '2026-07-13', endDate: '2026-08-11' }];

  it('accepts a valid leave', () => {
    expect(validateLeave({ kind: 'short', startDate: '2026-08-12', endDate: '2026-08-21' }, existing)).toEqual({
      ok: true,
      leave: { kind: 'short', startDate: '2026-08-12', endDate: '2026-08-21' },
    });
    expect(leaveDays({ startDate: '2026-08-12', endDate: '2026-08-21' })).toBe(10);
  });

  it('rejects an overlap with an existing leave', () => {
    expect(validateLeave({ kind: 'sick', startDate: '2026-08-11', endDate: '2026-08-14' }, existing)).toEqual({
      ok: false,
      errors: [{ field: 'startDate', message: 'overlaps existing annual leave 2026-07-13..2026-08-11' }],
    });
  });

  it('rejects a leave longer than its kind allows', () => {
    // 2026-08-12..2026-08-22 is 11 calendar days; short leave is capped at 10.
    expect(validateLeave({ kind: 'short', startDate: '2026-08-12', endDate: '2026-08-22' }, existing)).toEqual({
      ok: false,
      errors: [{ field: 'endDate', message: 'short leave is at most 10 days (got 11)' }],
    });
    expect(validateLeave({ kind: 'unpaid', startDate: '2026-09-01', endDate: '2026-09-06' }, []).ok).toBe(false);
    expect(validateLeave({ kind: 'maternity', startDate: '2026-09-01', endDate: '2027-01-04' }, []).ok).toBe(true); // 126 days
    expect(validateLeave({ kind: 'maternity', startDate: '2026-09-01', endDate: '2027-01-05' }, []).ok).toBe(false); // 127 days
  });

  it('rejects an end before the start, bad dates and unknown kinds', () => {
    expect(validateLeave({ kind: 'annual', startDate: '2026-09-10', endDate: '2026-09-01' }, [])).toEqual({
      ok: false,
      errors: [{ field: 'endDate', message: 'must not be before startDate' }],
    });
    expect(validateLeave({ kind: 'holiday', startDate: '2026-02-30', endDate: 'x' }, [])).toEqual({
      ok: false,
      errors: [
        { field: 'kind', message: "unknown leave kind 'holiday'" },
        { field: 'startDate', message: 'must be a date YYYY-MM-DD' },
        { field: 'endDate', message: 'must be a date YYYY-MM-DD' },
      ],
    });
  });
});

describe('isOnLeave', () => {
  const leaves: Leave[] = [{ kind: 'annual', startDate: '2026-07-13', endDate: '2026-08-11' }];

  it('judges by the local (UTC+05:00) date, both ends inclusive', () => {
    expect(isOnLeave(leaves, localInstant('2026-07-12', '23:59'))).toBeUndefined();
    expect(isOnLeave(leaves, localInstant('2026-07-13', '00:00'))).toBe(leaves[0]);
    expect(isOnLeave(leaves, localInstant('2026-08-11', '23:59'))).toBe(leaves[0]);
    expect(isOnLeave(leaves, localInstant('2026-08-12', '00:00'))).toBeUndefined();
    // 2026-07-12T19:30Z is already 00:30 on 13 July in Kazakhstan.
    expect(isOnLeave(leaves, new Date('2026-07-12T19:30:00Z'))).toBe(leaves[0]);
  });
});

describe('annualLeaveEntitlement (completed years of service on 1 January)', () => {
  it.each([
    ['2017-01-01', 0], // 9 years
    ['2016-01-02', 0], // 9 years and 364 days on 2026-01-01
    ['2016-01-01', 5], // 10 years
    ['2011-01-01', 10], // 15 years
    ['2006-01-01', 15], // 20 years
    ['1996-06-15', 15], // 29 years
    [null, 0],
  ] as const)('service since %s → +%i days in 2026', (start, extra) => {
    expect(annualLeaveEntitlement(start, 2026)).toEqual({ annual: 30, seniorityExtra: extra, total: 30 + extra });
  });

  it('rejects bad input', () => {
    expect(() => annualLeaveEntitlement('2016-13-01', 2026)).toThrow(RangeError);
    expect(() => annualLeaveEntitlement(null, 2026.5)).toThrow(RangeError);
  });
});
