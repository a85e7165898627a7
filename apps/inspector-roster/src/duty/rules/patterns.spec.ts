import { SHIFT_PATTERNS, findPattern, validatePattern } from './patterns';

const names = { kk: 'Үлгі', ru: 'Образец', en: 'Sample' };

describe('shift patterns', () => {
  it('ships the four built-in patterns, all valid', () => {
    expect(SHIFT_PATTERNS.map((p) => p.code)).toEqual(['five-day', 'three-shift', 'four-shift', 'day-night']);
    for (const p of SHIFT_PATTERNS) {
      const result = validatePattern(p);
      expect(result).toEqual({ ok: true, pattern: expect.objectContaining({ code: p.code }) });
    }
  });

  it('encodes the seed-000 duty rules', () => {
    const three = findPattern(SHIFT_PATTERNS, 'three-shift')!;
    expect(three.cycle).toEqual([{ start: '08:00', hours: 24 }, null, null]);
    expect(three.breakHours).toBe(6);
    const four = findPattern(SHIFT_PATTERNS, 'four-shift')!;
    expect(four.cycle).toHaveLength(4);
    expect(four.breakHours).toBe(4);
    const five = findPattern(new Map(SHIFT_PATTERNS.map((p) => [p.code, p])), 'five-day')!;
    expect(five.weekly).toBe(true);
    expect(five.cycle.filter(Boolean)).toHaveLength(5);
  });

  it('reports field-level errors', () => {
    const result = validatePattern({
      code: 'Bad Code',
      name: { kk: '', ru: 'x' },
      cycle: [{ start: '8:00', hours: 8 }, { start: '09:00', hours: 25 }, 'x'],
      breakHours: -1,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'code must match ^[a-z0-9-]{2,40}$',
      'name.kk is required',
      'name.en is required',
      'breakHours must be a number >= 0',
      'cycle[0].start must be HH:MM',
      'cycle[1].hours must be a number between 1 and 24',
      'cycle[2] must be null (day off) or { start, hours }',
    ]);
  });

  it('checks cycle length, weekly length, empty cycles, breaks and overlaps', () => {
    const errorsOf = (input: unknown): string[] => {
      const r = validatePattern(input);
      return r.ok ? [] : r.errors;
    };
    expect(errorsOf({ code: 'ab', name: names, cycle: [] })).toEqual(['cycle must have 1..56 entries']);
    expect(errorsOf({ code: 'ab', name: names, cycle: new Array(57).fill(null) })).toEqual(['cycle must have 1..56 entries']);
    expect(errorsOf({ code: 'ab', name: names, cycle: [null, null] })).toEqual(['cycle must contain at least one shift']);
    expect(errorsOf({ code: 'ab', name: names, cycle: [{ start: '08:00', hours: 8 }], weekly: true })).toEqual([
      'cycle must have 7 entries (Monday first) when weekly is true',
    ]);
    expect(errorsOf({ code: 'ab', name: names, cycle: [{ start: '08:00', hours: 4 }], breakHours: 4 })).toEqual([
      'breakHours must be less than cycle[0].hours',
    ]);
    // 20:00 + 14 h ends at 10:00 the next day, after the next shift's 08:00 start.
    expect(errorsOf({ code: 'ab', name: names, cycle: [{ start: '20:00', hours: 14 }, { start: '08:00', hours: 8 }] })).toEqual([
      'cycle[1] starts before cycle[0] ends',
    ]);
    // A single 24 h slot every day is back-to-back, not overlapping.
    expect(errorsOf({ code: 'ab', name: names, cycle: [{ start: '08:00', hours: 24 }] })).toEqual([]);
    expect(errorsOf('five-day')).toEqual(['pattern must be an object']);
  });

  it('returns a normalised copy', () => {
    const result = validatePattern({ code: 'x-1', name: { kk: ' a ', ru: 'b', en: 'c' }, cycle: [null, { start: '07:00', hours: 10 }], extra: 1 });
    expect(result).toEqual({
      ok: true,
      pattern: { code: 'x-1', name: { kk: 'a', ru: 'b', en: 'c' }, cycle: [null, { start: '07:00', hours: 10 }] },
    });
  });
});
