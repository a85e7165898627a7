/**
 * Masking of personal data in free-text survey comments (Kazakh, Russian or English) before they are
 * stored: Kazakhstan phone numbers, IINs, e-mail addresses and bank card numbers. Pure functions.
 *
 * Detectors run in a fixed order on the original text, each seeing the spans claimed by the earlier
 * ones blanked out: e-mail, card, IIN, phone. So the digits of an e-mail address are never read as a
 * phone, and a 16-digit card never as an IIN.
 */

export type PersonalDataKind = 'phone' | 'iin' | 'email' | 'card';

/** Replacement token per kind (neutral, language-independent). */
export const MASK_TOKENS: Readonly<Record<PersonalDataKind, string>> = {
  phone: '[phone]',
  iin: '[IIN]',
  email: '[e-mail]',
  card: '[card]',
};

export interface MaskResult {
  /** The text with every detected item replaced by its token. */
  text: string;
  /** Kinds found, each once, in order of first appearance in the text. */
  found: PersonalDataKind[];
}

/**
 * The Luhn checksum test: from the rightmost digit, double every second digit (subtracting 9 when the
 * double exceeds 9) and sum all; valid when the sum is a multiple of 10. Non-digits are ignored.
 */
export function luhnValid(digits: string): boolean {
  const ds = digits.replace(/\D/g, '');
  if (ds.length === 0) return false;
  let sum = 0;
  for (let i = 0; i < ds.length; i++) {
    let d = ds.charCodeAt(ds.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Spaces that may separate digit groups (incl. no-break and narrow no-break space) and hyphens. */
const GAP = String.raw`[ \u00A0\u202F\-]`;

/**
 * E-mail: local part of letters (any script), digits and `._%+-`, `@`, dot-separated domain labels,
 * top-level domain of at least 2 letters (Latin or e.g. `.қаз`, `.рф`).
 */
const EMAIL =
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.\p{L}{2,}/gu;

/** Four groups of four digits with one separator each (masked as a card even when the Luhn check fails). */
const CARD_GROUPED_4444 = new RegExp(
  String.raw`(?<!\d${GAP}?)\d{4}${GAP}\d{4}${GAP}\d{4}${GAP}\d{4}(?!${GAP}?\d)`,
  'gu',
);

/**
 * 13–19 digits (masked when Luhn-valid): either one unbroken run, or card-style groups — a first group
 * of 4 digits, then 2 to 4 groups of 3–6 digits, each after one space or hyphen (4-4-4-4, 4-6-5, 4-4-4-4-3).
 * Requiring card-style groups keeps e.g. a phone number followed by a year (`87012345678 2025`) from
 * being read as one 15-digit card number.
 */
const CARD_ANY = new RegExp(
  String.raw`(?<!\d${GAP}?)(?:\d{13,19}|\d{4}(?:${GAP}\d{3,6}){2,4})(?!${GAP}?\d)`,
  'gu',
);

/** Digits of a card candidate: 13–19 and passing the Luhn check. */
function cardValid(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  return digits.length >= 13 && digits.length <= 19 && luhnValid(digits);
}

/** Exactly 12 consecutive digits. */
const IIN = /(?<!\d)\d{12}(?!\d)/gu;

/**
 * Separator between two digits of a phone number: nothing, one space/hyphen, or a parenthesis with
 * optional space/hyphen around it: `701 234`, `701-234`, `(701)234`, `(701) 234`, `8 (7172)`.
 */
const PHONE_SEP = String.raw`(?:${GAP}?[()]${GAP}?|${GAP})?`;

/**
 * Kazakhstan phone number: optional country/trunk prefix (`+7`, `8`, `7`), then the 10-digit national
 * number, whose first three digits (the operator or area-code start) are written together, optionally
 * after `(`. Groups 1 = prefix, 2 = national number with separators. Validated further in code.
 */
const PHONE = new RegExp(
  String.raw`(?<!\d)(?:(\+${GAP}?7|8|7)${PHONE_SEP}|\()?(\d{3}(?:${PHONE_SEP}\d){7})(?!\d)`,
  'gu',
);

/** Mobile operator prefixes 70x, 747, 75x, 76x, 77x (the national number without the leading 7...). */
const MOBILE_PREFIX = /^7(?:0\d|47|[567]\d)/;

interface Detector {
  kind: PersonalDataKind;
  pattern: RegExp;
  accept?: (match: RegExpMatchArray) => boolean;
}

const DETECTORS: readonly Detector[] = [
  { kind: 'email', pattern: EMAIL },
  { kind: 'card', pattern: CARD_GROUPED_4444 },
  { kind: 'card', pattern: CARD_ANY, accept: (m) => cardValid(m[0]) },
  // Any 12-digit run: an IIN's check digit is not tested, because a mistyped IIN (one wrong digit,
  // failing the checksum) still identifies the person to anyone who can guess the typo.
  { kind: 'iin', pattern: IIN },
  {
    kind: 'phone',
    pattern: PHONE,
    accept: (m) => {
      const national = m[2].replace(/\D/g, '');
      // All Kazakhstan numbers (mobile and landline) start with 7 after the country code. Without a
      // prefix, only a mobile operator prefix makes a bare 10-digit number a phone.
      return m[1] !== undefined ? national.startsWith('7') : MOBILE_PREFIX.test(national);
    },
  },
];

/**
 * Replaces Kazakhstan phone numbers, IINs, e-mail addresses and bank card numbers in `text` by
 * `[phone]`, `[IIN]`, `[e-mail]` and `[card]`.
 *
 * - phone: `+7 701 234 56 78`, `+7(701)234-56-78`, `8 701 234 5678`, `87012345678`, `+77012345678`,
 *   `77012345678`, landlines with a prefix such as `8 (7172) 55-66-77`, and a bare 10-digit
 *   `7012345678` only with a mobile prefix (70x, 747, 75x, 76x, 77x);
 * - IIN: any run of exactly 12 digits (checksum deliberately not tested, see above);
 * - e-mail: `name@domain.tld`;
 * - card: 13–19 digits, unbroken or in card-style groups separated by spaces or hyphens, passing the
 *   Luhn check; four groups of four digits are masked even when they fail the Luhn check (a mistyped
 *   card). An unbroken 13–19-digit run failing the Luhn check is left as it is.
 *
 * Ordinary numbers stay: years (2025), house and flat numbers (дом 12, кв. 45), times (18:30), dates
 * (12.03.2026), amounts (5000 тенге, 1 500 000 ₸), since none of them is a 10–19-digit run.
 */
export function maskPersonalData(text: string): MaskResult {
  // Work on a copy where claimed spans are blanked with NUL (neither digit nor separator), so that
  // positions stay those of the original text and later detectors cannot match inside them.
  let work = text;
  const spans: Array<{ start: number; end: number; kind: PersonalDataKind }> = [];
  for (const detector of DETECTORS) {
    const claimed: Array<{ start: number; end: number }> = [];
    for (const m of work.matchAll(detector.pattern)) {
      if (detector.accept && !detector.accept(m)) continue;
      const start = m.index ?? 0;
      claimed.push({ start, end: start + m[0].length });
      spans.push({ start, end: start + m[0].length, kind: detector.kind });
    }
    for (const { start, end } of claimed) {
      work = work.slice(0, start) + '\u0000'.repeat(end - start) + work.slice(end);
    }
  }
  spans.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  const found: PersonalDataKind[] = [];
  for (const span of spans) {
    out += text.slice(at, span.start) + MASK_TOKENS[span.kind];
    at = span.end;
    if (!found.includes(span.kind)) found.push(span.kind);
  }
  out += text.slice(at);
  return { text: out, found };
}
