import { daysLate, median, onTimeRate } from './rules';

describe('dashboard figures', () => {
  it('median', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 4])).toBe(4);
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });
  it('on-time rate and days late', () => {
    expect(onTimeRate(0, 0)).toBeNull();
    expect(onTimeRate(3, 2)).toBe(66.7);
    expect(daysLate(new Date('2026-12-01T18:59:59Z'), new Date('2026-12-01T10:00:00Z'))).toBe(0);
    expect(daysLate(new Date('2026-12-01T18:59:59Z'), new Date('2026-12-01T20:00:00Z'))).toBe(1);
    expect(daysLate(new Date('2026-12-01T18:59:59Z'), new Date('2026-12-04T20:00:00Z'))).toBe(4);
  });
});
