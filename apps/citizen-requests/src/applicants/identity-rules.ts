/** Checks of applicant identity fields (plain rules). */

/**
 * A Kazakhstan IIN: 12 digits, the first six a date YYMMDD, the 7th the century and sex (1-6, or 0
 * for foreigners' numbers), the 12th a check digit (weights 1..11 mod 11; if that gives 10, weights
 * 3..11,1,2 mod 11; a second 10 means the number is never issued).
 */
export function isValidIin(iin: string): boolean {
  if (!/^\d{12}$/.test(iin)) return false;
  const d = [...iin].map(Number);
  const month = d[2] * 10 + d[3];
  const day = d[4] * 10 + d[5];
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const weighted = (weights: number[]) => weights.reduce((sum, w, i) => sum + w * d[i], 0) % 11;
  let check = weighted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (check === 10) check = weighted([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return check !== 10 && check === d[11];
}

/** A Kazakh mobile or city number in E.164 (+7XXXXXXXXXX), from the usual ways of writing it; null if it is not one. */
export function normaliseKzPhone(raw: string): string | null {
  const digits = raw.replace(/[\s()\-.]/g, '');
  const m = /^(?:\+7|8|7)?(\d{10})$/.exec(digits);
  if (!m || !/^[67]/.test(m[1])) return null;
  return `+7${m[1]}`;
}

export function isEmail(value: string): boolean {
  return /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/.test(value);
}
