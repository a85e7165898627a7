import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { BUNDLED_DATA_DIRECTORY, CalendarDataError, parseCalendarYear, WorkingCalendar } from './index';

const name = (en: string) => ({ kk: en, ru: en, en });

/** A small valid file; each test breaks one thing. */
function valid(): Record<string, unknown> {
  return {
    country: 'KZ',
    year: 2026,
    status: 'official',
    sources: ['https://example.kz/calendar-2026'],
    weekend: [6, 7],
    holidays: [
      { date: '2026-01-07', name: name('Orthodox Christmas'), kind: 'religious' },
      { date: '2026-03-08', name: name("International Women's Day"), kind: 'public' },
    ],
    daysOff: [{ date: '2026-03-09', reason: 'moved from Sunday 8 March', kind: 'moved-holiday' }],
    workingDays: [],
  };
}

function rejects(json: unknown, message: RegExp | string, source = 'kz-2026.json'): void {
  let error: unknown;
  try {
    parseCalendarYear(json, source);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(CalendarDataError);
  expect((error as Error).message).toContain(source);
  expect((error as Error).message).toMatch(message);
}

describe('parseCalendarYear', () => {
  it('accepts a valid file and sorts its lists', () => {
    const json = valid();
    (json['holidays'] as unknown[]).reverse();
    json['notes'] = ['a note'];
    const year = parseCalendarYear(json, 'kz-2026.json');
    expect(year.year).toBe(2026);
    expect(year.status).toBe('official');
    expect(year.notes).toEqual(['a note']);
    expect(year.holidays.map((h) => h.date)).toEqual(['2026-01-07', '2026-03-08']);
    expect(year.daysOff).toEqual([
      { date: '2026-03-09', reason: 'moved from Sunday 8 March', kind: 'moved-holiday' },
    ]);
  });

  it('names the year when no source is given', () => {
    const json = { ...valid(), status: 'draft' };
    expect(() => parseCalendarYear(json)).toThrow(/calendar data for 2026: "status"/);
  });

  it.each<[string, unknown, RegExp]>([
    ['not an object', [], /the file must be a JSON object/],
    ['null', null, /the file must be a JSON object/],
    ['an unknown field', { ...valid(), holiday: [] }, /unknown field\(s\) "holiday"/],
    ['a bad country', { ...valid(), country: 'Kazakhstan' }, /"country"/],
    ['a missing year', { ...valid(), year: undefined }, /"year" must be a four-digit year, got nothing/],
    ['a string year', { ...valid(), year: '2026' }, /"year" must be a four-digit year/],
    [
      'a bad status',
      { ...valid(), status: 'draft' },
      /"status" must be "official" or "provisional", got "draft"/,
    ],
    ['no sources', { ...valid(), sources: [] }, /"sources" must name at least one source/],
    ['an empty source', { ...valid(), sources: [' '] }, /"sources"\[0\] must be a non-empty text/],
    ['notes that are not texts', { ...valid(), notes: 'x' }, /"notes" must be an array/],
    ['a weekday 0', { ...valid(), weekend: [0, 7] }, /weekend\[0\] must be an ISO weekday/],
    ['an empty weekend', { ...valid(), weekend: [] }, /"weekend" must list between one and six/],
    [
      'a weekend of every day',
      { ...valid(), weekend: [1, 2, 3, 4, 5, 6, 7] },
      /"weekend" must list between one and six/,
    ],
    ['a weekday twice', { ...valid(), weekend: [6, 6] }, /"weekend" lists a weekday twice/],
    ['holidays missing', { ...valid(), holidays: undefined }, /"holidays" must be an array, got nothing/],
  ])('rejects %s', (_case, json, message) => {
    rejects(json, message);
  });

  it('rejects a date that does not exist', () => {
    const json = valid();
    (json['holidays'] as Array<Record<string, unknown>>)[0]!['date'] = '2026-02-30';
    rejects(json, /holidays\[0\]\.date must be a real date "YYYY-MM-DD", got "2026-02-30"/);
  });

  it('rejects a date in another year than the file', () => {
    const json = valid();
    (json['holidays'] as Array<Record<string, unknown>>)[0]!['date'] = '2025-01-07';
    rejects(json, /holidays\[0\]\.date 2025-01-07 is not in 2026/);
  });

  it('rejects a holiday without a name in one language', () => {
    const json = valid();
    (json['holidays'] as Array<Record<string, unknown>>)[0]!['name'] = { kk: 'Рождество', ru: 'Рождество' };
    rejects(json, /holidays\[0\]\.name\.en must be a non-empty text/);
  });

  it('rejects an unknown holiday kind', () => {
    const json = valid();
    (json['holidays'] as Array<Record<string, unknown>>)[1]!['kind'] = 'national';
    rejects(json, /holidays\[1\]\.kind must be "public" or "religious"/);
  });

  it('rejects a date listed twice', () => {
    const json = valid();
    (json['holidays'] as unknown[]).push({ date: '2026-01-07', name: name('Again'), kind: 'religious' });
    rejects(json, /2026-01-07 appears both in holidays\[0\] and in holidays\[2\]/);
  });

  it('rejects a date that is both a day off and a working day', () => {
    const json = { ...valid(), workingDays: [{ date: '2026-03-09', reason: 'transfer' }] };
    rejects(json, /2026-03-09 appears both in daysOff\[0\] and in workingDays\[0\]/);
  });

  it('rejects a holiday that is also a day off', () => {
    const json = valid();
    (json['daysOff'] as unknown[]).push({ date: '2026-01-07', reason: 'x', kind: 'government-transfer' });
    rejects(json, /2026-01-07 appears both in holidays\[0\] and in daysOff\[1\]/);
  });

  it('rejects a day off on a weekend day', () => {
    const json = { ...valid(), daysOff: [{ date: '2026-03-14', reason: 'moved', kind: 'moved-holiday' }] };
    rejects(json, /daysOff\[0\]: day off 2026-03-14 \(Saturday\) is already a weekend day/);
  });

  it('rejects a transferred working day that is a weekday', () => {
    const json = { ...valid(), workingDays: [{ date: '2026-03-13', reason: 'transfer' }] };
    rejects(json, /workingDays\[0\]: transferred working day 2026-03-13 \(Friday\) is not a weekend day/);
  });

  it('rejects a day off without a reason or with an unknown kind', () => {
    rejects(
      { ...valid(), daysOff: [{ date: '2026-03-09', kind: 'moved-holiday' }] },
      /daysOff\[0\]\.reason must be a non-empty text/,
    );
    rejects(
      { ...valid(), daysOff: [{ date: '2026-03-09', reason: 'x', kind: 'bridge' }] },
      /daysOff\[0\]\.kind must be "moved-holiday" or "government-transfer"/,
    );
  });

  it('rejects a public holiday on a weekend day without its moved day off', () => {
    rejects(
      { ...valid(), daysOff: [] },
      /1 public holiday\(s\) fall on a weekend day \(2026-03-08\) but 0 "moved-holiday"/,
    );
  });

  it('rejects a moved day off without a public holiday on a weekend day', () => {
    const json = valid();
    json['holidays'] = [{ date: '2026-03-09', name: name('Weekday holiday'), kind: 'public' }];
    json['daysOff'] = [{ date: '2026-03-10', reason: 'moved', kind: 'moved-holiday' }];
    rejects(json, /0 public holiday\(s\) fall on a weekend day \(none\) but 1 "moved-holiday"/);
  });

  it('rejects a moved day off before the holiday it replaces', () => {
    const json = valid();
    json['daysOff'] = [{ date: '2026-03-06', reason: 'moved', kind: 'moved-holiday' }];
    rejects(json, /moved day off 2026-03-06 \(Friday\) does not follow any public holiday/);
  });

  it('does not move a religious day off that falls on a weekend day', () => {
    const json = valid();
    json['holidays'] = [
      ...(json['holidays'] as unknown[]),
      { date: '2026-05-30', name: name('Religious'), kind: 'religious' },
    ];
    expect(() => parseCalendarYear(json, 'kz-2026.json')).not.toThrow();
  });
});

describe('the bundled data files', () => {
  const files = readdirSync(BUNDLED_DATA_DIRECTORY).filter((file) => file.endsWith('.json'));

  it('cover 2025, 2026 and 2027, all named kz-YYYY.json', () => {
    expect(files.sort()).toEqual(['kz-2025.json', 'kz-2026.json', 'kz-2027.json']);
  });

  it.each(files)('%s parses, is for Kazakhstan, and its year matches its name', (file) => {
    const json: unknown = JSON.parse(readFileSync(path.join(BUNDLED_DATA_DIRECTORY, file), 'utf8'));
    const year = parseCalendarYear(json, file);
    expect(`kz-${year.year}.json`).toBe(file);
    expect(year.country).toBe('KZ');
    expect(year.weekend).toEqual([6, 7]);
    expect(year.sources.length).toBeGreaterThan(0);
  });

  it('marks 2027 provisional and the published years official', () => {
    expect(WorkingCalendar.kazakhstan().years()).toEqual([2025, 2026, 2027]);
    const status = (year: number) =>
      parseCalendarYear(
        JSON.parse(readFileSync(path.join(BUNDLED_DATA_DIRECTORY, `kz-${year}.json`), 'utf8')),
      ).status;
    expect([status(2025), status(2026), status(2027)]).toEqual(['official', 'official', 'provisional']);
  });
});

describe('WorkingCalendar.fromDirectory', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'calendar-'));
  });
  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('loads the kz-YYYY.json files and ignores other files', () => {
    writeFileSync(path.join(directory, 'kz-2026.json'), JSON.stringify(valid()));
    writeFileSync(path.join(directory, 'README.md'), '# not data');
    expect(WorkingCalendar.fromDirectory(directory).years()).toEqual([2026]);
  });

  it('rejects a file whose year does not match its name', () => {
    writeFileSync(path.join(directory, 'kz-2027.json'), JSON.stringify(valid()));
    expect(() => WorkingCalendar.fromDirectory(directory)).toThrow(
      new CalendarDataError('kz-2027.json: "year" is 2026, not 2027 as the file name says'),
    );
  });

  it('rejects a file that is not JSON, naming it', () => {
    writeFileSync(path.join(directory, 'kz-2026.json'), '{ "year": 2026, }');
    expect(() => WorkingCalendar.fromDirectory(directory)).toThrow(/^kz-2026\.json: not valid JSON/);
  });

  it('rejects an invalid file, naming it', () => {
    writeFileSync(
      path.join(directory, 'kz-2026.json'),
      JSON.stringify({ ...valid(), weekend: [5, 6, 7, 8] }),
    );
    expect(() => WorkingCalendar.fromDirectory(directory)).toThrow(
      /^kz-2026\.json: weekend\[3\] must be an ISO weekday/,
    );
  });

  it('rejects a year given twice', () => {
    const year = parseCalendarYear(valid());
    expect(() => new WorkingCalendar([year, year])).toThrow(CalendarDataError);
  });
});
