import type { Leave } from './leave';
import { whoIsOnDuty, type Candidate } from './on-duty';
import { SHIFT_PATTERNS } from './patterns';
import { localInstant } from './time';

const at = (date: string, time: string): Date => localInstant(date, time);

// Precinct inspector on the office week; 2026-07-15 is a Wednesday.
const officeAigerim = (leaves: Leave[] = []): Candidate => ({
  inspectorId: 'upi-aigerim',
  schedules: [{ patternCode: 'five-day', anchorDate: '2026-01-01', validFrom: '2026-01-01', validTo: null }],
  leaves,
});
// District duty officer on three-shift duty: on duty 07-12, 07-15, 07-18...
const dutyBolat: Candidate = {
  inspectorId: 'duty-bolat',
  schedules: [{ patternCode: 'three-shift', anchorDate: '2026-07-15', validFrom: '2026-01-01', validTo: null }],
  leaves: [],
};

describe('whoIsOnDuty', () => {
  it('answers with the precinct inspector on shift and explains a colleague on leave', () => {
    const colleague: Candidate = { ...officeAigerim([{ kind: 'sick', startDate: '2026-07-14', endDate: '2026-07-16' }]), inspectorId: 'upi-dana' };
    const answer = whoIsOnDuty([officeAigerim(), colleague], [dutyBolat], SHIFT_PATTERNS, at('2026-07-15', '10:00'));
    expect(answer.source).toBe('precinct');
    expect(answer.onDuty).toEqual([
      { inspectorId: 'upi-aigerim', shift: { start: at('2026-07-15', '09:00'), end: at('2026-07-15', '18:00'), hours: 8 } },
    ]);
    expect(answer.absent).toEqual([
      {
        inspectorId: 'upi-dana',
        reason: 'leave',
        leave: { kind: 'sick', startDate: '2026-07-14', endDate: '2026-07-16' },
        nextShiftStart: at('2026-07-17', '09:00'), // Friday, first working day after the leave
      },
    ]);
  });

  it('falls back to the district duty list when the precinct inspector is on leave, and explains why', () => {
    const leave: Leave = { kind: 'annual', startDate: '2026-07-13', endDate: '2026-08-11' };
    const answer = whoIsOnDuty([officeAigerim([leave])], [dutyBolat], SHIFT_PATTERNS, at('2026-07-15', '10:00'));
    expect(answer).toEqual({
      at: at('2026-07-15', '10:00'),
      source: 'district_duty',
      onDuty: [{ inspectorId: 'duty-bolat', shift: { start: at('2026-07-15', '08:00'), end: at('2026-07-16', '08:00'), hours: 18 } }],
      // Back on 2026-08-12, more than 14 days ahead: no next shift reported.
      absent: [{ inspectorId: 'upi-aigerim', reason: 'leave', leave, nextShiftStart: null }],
    });
  });

  it('reports source null when nobody is on duty, with the next shift of the off-shift inspector', () => {
    // 02:00 on Wednesday: the office inspector is off, the duty officer's last shift ended 07-13 08:00.
    const answer = whoIsOnDuty([officeAigerim()], [dutyBolat], SHIFT_PATTERNS, at('2026-07-15', '02:00'));
    expect(answer.source).toBeNull();
    expect(answer.onDuty).toEqual([]);
    expect(answer.absent).toEqual([{ inspectorId: 'upi-aigerim', reason: 'off_shift', nextShiftStart: at('2026-07-15', '09:00') }]);
  });

  it('skips leave days when looking for the next shift and reports the weekend', () => {
    // Saturday 07-18; short leave Mon 07-20 .. Tue 07-21 → next shift Wed 07-22.
    const leave: Leave = { kind: 'short', startDate: '2026-07-20', endDate: '2026-07-21' };
    const answer = whoIsOnDuty([officeAigerim([leave])], [], SHIFT_PATTERNS, at('2026-07-18', '11:00'));
    expect(answer.source).toBeNull();
    expect(answer.absent).toEqual([{ inspectorId: 'upi-aigerim', reason: 'off_shift', nextShiftStart: at('2026-07-22', '09:00') }]);
  });

  it('counts explicit one-off shifts of the district duty list', () => {
    const extra: Candidate = {
      inspectorId: 'duty-erlan',
      schedules: [],
      leaves: [],
      extraShifts: [{ start: at('2026-07-18', '08:00'), end: at('2026-07-18', '20:00') }],
    };
    const answer = whoIsOnDuty([officeAigerim()], [dutyBolat, extra], SHIFT_PATTERNS, at('2026-07-18', '19:59'));
    // Bolat is on duty 07-18 too (07-15 + 3 days).
    expect(answer.source).toBe('district_duty');
    expect(answer.onDuty.map((d) => d.inspectorId)).toEqual(['duty-bolat', 'duty-erlan']);
    expect(answer.onDuty[1].shift).toEqual({ start: at('2026-07-18', '08:00'), end: at('2026-07-18', '20:00'), hours: 12 });
    const later = whoIsOnDuty([], [extra], SHIFT_PATTERNS, at('2026-07-18', '20:00'));
    expect(later.source).toBeNull();
  });

  it('a district duty officer on leave is not counted', () => {
    const onLeave: Candidate = { ...dutyBolat, leaves: [{ kind: 'annual', startDate: '2026-07-15', endDate: '2026-07-20' }] };
    const answer = whoIsOnDuty([], [onLeave], SHIFT_PATTERNS, at('2026-07-15', '10:00'));
    expect(answer).toEqual({ at: at('2026-07-15', '10:00'), source: null, onDuty: [], absent: [] });
  });
});
