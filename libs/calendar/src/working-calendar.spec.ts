import { CalendarYearMissingError, isoWeekday, WorkingCalendar, type DayKind } from './index';

const calendar = WorkingCalendar.kazakhstan();

type Expected = readonly [date: string, kind: DayKind, english?: string];

/** Checks each day's kind (and the holiday's English name), and that `working` agrees with the kind. */
function expectDays(days: readonly Expected[]): void {
  for (const [date, kind, english] of days) {
    const info = calendar.dayInfo(date);
    expect({ date, kind: info.kind }).toEqual({ date, kind });
    expect({ date, working: info.working }).toEqual({
      date,
      working: kind === 'working' || kind === 'transferred-working-day',
    });
    expect(calendar.isWorkingDay(date)).toBe(info.working);
    if (kind === 'holiday') {
      expect(info.name?.en).toContain(english);
      expect(info.name?.kk).toBeTruthy();
      expect(info.name?.ru).toBeTruthy();
    }
    if (kind === 'day-off' || kind === 'transferred-working-day') expect(info.reason).toBeTruthy();
  }
}

/** Every holiday, moved day off and transfer of a year, and nothing else off on a weekday. */
function expectOnlyTheseWeekdaysOff(year: number, days: readonly Expected[]): void {
  const listed = new Set(
    days.filter(([, kind]) => kind === 'holiday' || kind === 'day-off').map(([date]) => date),
  );
  const offWeekdays: string[] = [];
  for (let day = `${year}-01-01`; day <= `${year}-12-31`; day = nextDay(day)) {
    if (isoWeekday(day) <= 5 && !calendar.isWorkingDay(day)) offWeekdays.push(day);
  }
  expect(offWeekdays.filter((day) => !listed.has(day))).toEqual([]);
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

describe('the Kazakhstan calendar', () => {
  it('has the years 2025, 2026 and 2027', () => {
    expect(calendar.years()).toEqual([2025, 2026, 2027]);
  });

  it('is memoised', () => {
    expect(WorkingCalendar.kazakhstan()).toBe(calendar);
  });

  describe('2025 (official)', () => {
    const days: Expected[] = [
      ['2025-01-01', 'holiday', 'New Year'],
      ['2025-01-02', 'holiday', 'New Year'],
      ['2025-01-03', 'day-off'], // Friday: Government transfer
      ['2025-01-04', 'weekend'],
      ['2025-01-05', 'transferred-working-day'], // Sunday worked
      ['2025-01-06', 'working'],
      ['2025-01-07', 'holiday', 'Orthodox Christmas'],
      ['2025-03-08', 'holiday', "Women's Day"], // Saturday
      ['2025-03-10', 'day-off'], // moved from 8 March
      ['2025-03-21', 'holiday', 'Nauryz'],
      ['2025-03-22', 'holiday', 'Nauryz'],
      ['2025-03-23', 'holiday', 'Nauryz'],
      ['2025-03-24', 'day-off'],
      ['2025-03-25', 'day-off'],
      ['2025-03-26', 'working'],
      ['2025-05-01', 'holiday', 'Unity'],
      ['2025-05-07', 'holiday', 'Defender of the Fatherland'],
      ['2025-05-09', 'holiday', 'Victory'],
      ['2025-06-06', 'holiday', 'Kurban Ait'],
      ['2025-07-06', 'holiday', 'Capital'],
      ['2025-07-07', 'day-off'],
      ['2025-08-30', 'holiday', 'Constitution'],
      ['2025-09-01', 'day-off'],
      ['2025-10-25', 'holiday', 'Republic'],
      ['2025-10-27', 'day-off'],
      ['2025-12-16', 'holiday', 'Independence'],
      // ordinary days
      ['2025-02-15', 'weekend'],
      ['2025-02-16', 'weekend'],
      ['2025-02-17', 'working'],
      ['2025-06-05', 'working'],
      ['2025-12-31', 'working'],
    ];

    it('knows every holiday, moved day off and transfer', () => expectDays(days));
    it('has no other weekday off', () => expectOnlyTheseWeekdaysOff(2025, days));
    it('has 246 working days (five-day week)', () => {
      expect(calendar.workingDaysBetween('2024-12-31', '2025-12-31')).toBe(246);
    });
    it('explains the January transfer', () => {
      expect(calendar.dayInfo('2025-01-03').reason).toMatch(/Government transfer/);
      expect(calendar.dayInfo('2025-01-05').reason).toMatch(/Government transfer/);
    });
  });

  describe('2026 (official)', () => {
    const days: Expected[] = [
      ['2026-01-01', 'holiday', 'New Year'],
      ['2026-01-02', 'holiday', 'New Year'],
      ['2026-01-03', 'weekend'],
      ['2026-01-05', 'working'],
      ['2026-01-07', 'holiday', 'Orthodox Christmas'],
      ['2026-03-08', 'holiday', "Women's Day"], // Sunday
      ['2026-03-09', 'day-off'],
      ['2026-03-21', 'holiday', 'Nauryz'], // Saturday
      ['2026-03-22', 'holiday', 'Nauryz'], // Sunday
      ['2026-03-23', 'holiday', 'Nauryz'], // Monday
      ['2026-03-24', 'day-off'],
      ['2026-03-25', 'day-off'],
      ['2026-03-26', 'working'],
      ['2026-05-01', 'holiday', 'Unity'],
      ['2026-05-07', 'holiday', 'Defender of the Fatherland'],
      ['2026-05-09', 'holiday', 'Victory'], // Saturday
      ['2026-05-11', 'day-off'],
      ['2026-05-27', 'holiday', 'Kurban Ait'],
      ['2026-07-06', 'holiday', 'Capital'], // Monday
      ['2026-08-30', 'holiday', 'Constitution'], // Sunday
      ['2026-08-31', 'day-off'],
      ['2026-10-25', 'holiday', 'Republic'], // Sunday
      ['2026-10-26', 'day-off'],
      ['2026-12-16', 'holiday', 'Independence'], // Wednesday
      // ordinary days
      ['2026-03-13', 'working'],
      ['2026-03-14', 'weekend'],
      ['2026-03-15', 'weekend'],
      ['2026-05-08', 'working'],
      ['2026-07-07', 'working'],
      ['2026-12-15', 'working'],
      ['2026-12-17', 'working'],
    ];

    it('knows every holiday and moved day off', () => expectDays(days));
    it('has no other weekday off and no weekend day worked', () => {
      expectOnlyTheseWeekdaysOff(2026, days);
      let worked = 0;
      for (let day = '2026-01-01'; day <= '2026-12-31'; day = nextDay(day)) {
        if (calendar.dayInfo(day).kind === 'transferred-working-day') worked++;
      }
      expect(worked).toBe(0);
    });
  });

  describe('2027 (provisional)', () => {
    const days: Expected[] = [
      ['2027-01-01', 'holiday', 'New Year'], // Friday
      ['2027-01-02', 'holiday', 'New Year'], // Saturday
      ['2027-01-04', 'day-off'],
      ['2027-01-05', 'working'],
      ['2027-01-07', 'holiday', 'Orthodox Christmas'],
      ['2027-03-08', 'holiday', "Women's Day"], // Monday
      ['2027-03-21', 'holiday', 'Nauryz'], // Sunday
      ['2027-03-22', 'holiday', 'Nauryz'],
      ['2027-03-23', 'holiday', 'Nauryz'],
      ['2027-03-24', 'day-off'],
      ['2027-03-25', 'working'],
      ['2027-05-01', 'holiday', 'Unity'], // Saturday
      ['2027-05-03', 'day-off'],
      ['2027-05-07', 'holiday', 'Defender of the Fatherland'], // Friday
      ['2027-05-09', 'holiday', 'Victory'], // Sunday
      ['2027-05-10', 'day-off'],
      ['2027-05-16', 'holiday', 'Kurban Ait'], // Sunday: religious, not moved
      ['2027-05-17', 'working'],
      ['2027-07-06', 'holiday', 'Capital'],
      ['2027-08-30', 'holiday', 'Constitution'],
      ['2027-10-25', 'holiday', 'Republic'],
      ['2027-12-16', 'holiday', 'Independence'],
      // ordinary days
      ['2027-02-06', 'weekend'],
      ['2027-02-08', 'working'],
      ['2027-12-31', 'working'],
    ];

    it('knows every holiday and moved day off', () => expectDays(days));
    it('has no other weekday off', () => expectOnlyTheseWeekdaysOff(2027, days));
  });
});

describe('the legal clock', () => {
  it('a receipt on Saturday 21 March 2026 counts from Thursday 26 March (23-25 March are off)', () => {
    expect(calendar.workingDayOnOrAfter('2026-03-21')).toBe('2026-03-26');
    expect(calendar.nextWorkingDay('2026-03-21')).toBe('2026-03-26');
    expect(calendar.addWorkingDays('2026-03-21', 0)).toBe('2026-03-26');
    expect(calendar.addWorkingDays('2026-03-21', 1)).toBe('2026-03-26');
  });

  it('15 working days after Friday 13 March 2026 land after Nauryz, on Wednesday 8 April', () => {
    expect(calendar.addWorkingDays('2026-03-13', 15)).toBe('2026-04-08');
    expect(calendar.workingDaysBetween('2026-03-13', '2026-04-08')).toBe(15);
    expect(calendar.addWorkingDays('2026-04-08', -15)).toBe('2026-03-13');
  });

  it('skips Independence Day, Wednesday 16 December 2026', () => {
    expect(calendar.nextWorkingDay('2026-12-15')).toBe('2026-12-17');
    expect(calendar.addWorkingDays('2026-12-14', 2)).toBe('2026-12-17');
    expect(calendar.addWorkingDays('2026-12-17', -1)).toBe('2026-12-15');
    expect(calendar.workingDaysBetween('2026-12-14', '2026-12-18')).toBe(3);
  });

  it('crosses the New Year 2026 to 2027', () => {
    // 29, 30, 31 December; 1-2 January holidays, 3 Sunday, 4 Monday moved from Saturday 2 January; 5, 6 January.
    expect(calendar.addWorkingDays('2026-12-28', 5)).toBe('2027-01-06');
    expect(calendar.nextWorkingDay('2027-01-06')).toBe('2027-01-08'); // 7 January: Orthodox Christmas
    expect(calendar.addWorkingDays('2027-01-05', -1)).toBe('2026-12-31');
    expect(calendar.workingDaysBetween('2026-12-28', '2027-01-06')).toBe(5);
  });

  it('counts the January 2025 transfer: Sunday 5 January worked, Friday 3 January off', () => {
    expect(calendar.nextWorkingDay('2025-01-02')).toBe('2025-01-05');
    expect(calendar.addWorkingDays('2024-12-31', 1)).toBe('2025-01-05');
    // 2 January holiday, 3 off, 4 Saturday, 5 Sunday worked, 6 Monday, 7 Christmas, 8-10 worked, 11-12 weekend.
    expect(calendar.workingDaysBetween('2025-01-01', '2025-01-12')).toBe(5);
  });

  it('addWorkingDays: n = 0 is the day itself when working', () => {
    expect(calendar.addWorkingDays('2026-03-13', 0)).toBe('2026-03-13');
    expect(calendar.workingDayOnOrAfter('2026-03-13')).toBe('2026-03-13');
  });

  it('addWorkingDays: a negative n counts back strictly before the date', () => {
    expect(calendar.addWorkingDays('2026-03-26', -1)).toBe('2026-03-20');
    expect(calendar.addWorkingDays('2026-03-22', -1)).toBe('2026-03-20');
  });

  it('workingDaysBetween is 0 when to is not after from', () => {
    expect(calendar.workingDaysBetween('2026-03-13', '2026-03-13')).toBe(0);
    expect(calendar.workingDaysBetween('2026-03-20', '2026-03-13')).toBe(0);
    expect(calendar.workingDaysBetween('2026-03-20', '2026-03-25')).toBe(0);
  });

  it('rejects malformed arguments', () => {
    expect(() => calendar.dayInfo('2026-02-30')).toThrow(TypeError);
    expect(() => calendar.addWorkingDays('2026-03-13', 1.5)).toThrow(RangeError);
    expect(() => calendar.workingDaysBetween('2026-03-13', '13.04.2026')).toThrow(TypeError);
  });
});

describe('a year without data is an explicit error, never a weekday guess', () => {
  it.each([2024, 2028])('dayInfo in %i', (year) => {
    expect(() => calendar.dayInfo(`${year}-06-03`)).toThrow(CalendarYearMissingError);
    expect(() => calendar.isWorkingDay(`${year}-06-03`)).toThrow(`no working-day calendar for ${year}`);
  });

  it('names the year and the file to add', () => {
    const error = new CalendarYearMissingError(2028);
    expect(error.year).toBe(2028);
    expect(error.message).toBe('no working-day calendar for 2028: add libs/calendar/data/kz-2028.json');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CalendarYearMissingError');
  });

  it('a count crossing into 2028 throws CalendarYearMissingError(2028)', () => {
    let error: unknown;
    try {
      calendar.addWorkingDays('2027-12-28', 15);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CalendarYearMissingError);
    expect((error as CalendarYearMissingError).year).toBe(2028);
    expect(() => calendar.nextWorkingDay('2027-12-31')).toThrow(CalendarYearMissingError);
    expect(() => calendar.workingDaysBetween('2027-12-01', '2028-01-10')).toThrow(/2028/);
  });

  it('a count back into 2024 throws CalendarYearMissingError(2024)', () => {
    // Before Monday 6 January 2025: Sunday 5 January (worked), then 4 Saturday, 3 off, 1-2 holidays, and 2024.
    expect(calendar.addWorkingDays('2025-01-06', -1)).toBe('2025-01-05');
    expect(() => calendar.addWorkingDays('2025-01-06', -2)).toThrow(/no working-day calendar for 2024/);
  });

  it('an empty calendar knows no year', () => {
    const empty = new WorkingCalendar([]);
    expect(empty.years()).toEqual([]);
    expect(() => empty.workingDayOnOrAfter('2026-03-13')).toThrow(CalendarYearMissingError);
  });
});
