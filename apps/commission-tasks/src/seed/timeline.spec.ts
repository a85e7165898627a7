import { WorkingCalendar } from '@seriktes/calendar';
import { agreementDates } from './scenario';
import { instant, Timeline } from './timeline';

const calendar = WorkingCalendar.kazakhstan();

function timeline(now: Date) {
  const scans: string[] = [];
  const clock = new Timeline(now, calendar, async (at) => void scans.push(at.toISOString()));
  return { clock, scans };
}

describe('seed timeline', () => {
  // Tuesday 27 October 2026, 12:00 in Astana; Monday 26 October is Republic Day moved from Sunday.
  const now = instant('2026-10-27', '12:00');

  it('counts working days on the Kazakhstan calendar, skipping weekends and moved holidays', () => {
    const { clock } = timeline(now);
    expect(clock.today).toBe('2026-10-27');
    expect(clock.workingDay(0)).toBe('2026-10-27');
    expect(clock.workingDay(-1)).toBe('2026-10-23');
    expect(clock.workingDay(-2)).toBe('2026-10-22');
    expect(clock.workingDay(1)).toBe('2026-10-28');
    expect(clock.workingDay(4)).toBe('2026-11-02');
  });

  it('gives instants in Asia/Almaty time (UTC+5)', () => {
    expect(instant('2026-10-27', '10:00').toISOString()).toBe('2026-10-27T05:00:00.000Z');
    expect(() => instant('2026-10-27', '9:00')).toThrow('HH:MM');
  });

  it('runs the deadline scan once a day just after midnight, on every day passed, then at now', async () => {
    const { clock, scans } = timeline(now);
    await clock.day(-2, '15:00'); // Thursday 22 October
    expect(scans).toEqual([]);
    await clock.day(-1, '09:00'); // Friday 23 October
    expect(scans).toEqual(['2026-10-22T19:05:00.000Z']);
    await clock.finish();
    expect(scans).toEqual([
      '2026-10-22T19:05:00.000Z',
      '2026-10-23T19:05:00.000Z',
      '2026-10-24T19:05:00.000Z',
      '2026-10-25T19:05:00.000Z',
      '2026-10-26T19:05:00.000Z',
      now.toISOString(),
    ]);
    expect(clock.scans).toBe(6);
  });

  it('refuses to go back in time or past now', async () => {
    const { clock } = timeline(now);
    await clock.day(-1, '12:00');
    await expect(clock.day(-2, '12:00')).rejects.toThrow('cannot go back');
    await expect(clock.day(1, '12:00')).rejects.toThrow('cannot go past now');
    await expect(clock.ago(60_000)).resolves.toEqual(new Date(now.getTime() - 60_000));
  });

  it('dates the sharing agreements before the story and reviews them after today', () => {
    expect(agreementDates('2026-09-21', '2026-11-22')).toEqual({ signedOn: '2026-02-16', reviewOn: '2027-02-15' });
    expect(agreementDates('2027-01-10', '2027-03-01')).toEqual({ signedOn: '2026-02-16', reviewOn: '2028-02-15' });
    expect(agreementDates('2027-02-16', '2027-04-20')).toEqual({ signedOn: '2027-02-16', reviewOn: '2028-02-15' });
  });
});
