import { regionOfPrecinct, registrationNumber, yearInKazakhstan } from './registration';

describe('registration coupon rules', () => {
  it('numbers requests per region and year with six digits', () => {
    expect(registrationNumber('AST', 2026, 123)).toBe('AST-2026-000123');
    expect(registrationNumber('ALA', 2027, 1_234_567)).toBe('ALA-2027-1234567');
    expect(() => registrationNumber('AST', 2026, 0)).toThrow('invalid sequence');
  });

  it('takes the year in Kazakhstan time, not UTC', () => {
    expect(yearInKazakhstan(new Date('2026-12-31T18:59:59Z'))).toBe(2026);
    expect(yearInKazakhstan(new Date('2026-12-31T19:00:00Z'))).toBe(2027);
  });

  it('reads the region from the precinct code', () => {
    expect(regionOfPrecinct('AST-ESL-01')).toBe('AST');
    expect(() => regionOfPrecinct('x-ESL-01')).toThrow('no region prefix');
  });
});
