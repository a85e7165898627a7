import type { AttributeFormat, CategoryAttribute, CategoryDefinition } from './catalogue';

/**
 * Validation and normalisation of a request's structured fields (Open311 "attributes") against its
 * category. Plain functions: the API layers (REST, Open311 form posts, GraphQL) all call these.
 */

export interface FieldError {
  field: string; // e.g. 'attributes.phone_numbers[1]'
  message: string;
}

export type AttributeValues = Record<string, string | number | string[]>;

/** At most this many values in one list attribute. */
export const MAX_LIST_ITEMS = 50;
/** Length limits when an attribute sets none (Open311 caps a request's description at 4,000). */
const DEFAULT_MAX_LENGTH = { string: 500, text: 4000 } as const;
/** The largest amount accepted, in tenge: anything bigger is a typo. */
const MAX_AMOUNT = 1_000_000_000_000;

type Check = { ok: true; value: string | number } | { ok: false; message: string } | { ok: 'empty' };

const EMPTY: Check = { ok: 'empty' };
const fail = (message: string): Check => ({ ok: false, message });
const pass = (value: string | number): Check => ({ ok: true, value });

const MESSAGES: Record<AttributeFormat, string> = {
  phone:
    'must be a phone number like +77011234567 (Kazakh numbers may also be written 8 701 123 45 67 or +7 (701) 123-45-67; foreign numbers need + and the country code)',
  card: 'must be a card number of 16 to 19 digits, like 4111 1111 1111 1111',
  account: 'must be a Kazakh IBAN of 20 characters, like KZ86125KZT5004100100',
  url: 'must be a web address starting with http:// or https://, like https://example.kz/page',
  'messenger-handle': 'must be a username like @username (2 to 64 Latin letters, digits, _ or .) or a t.me/username link',
  amount: 'must be an amount in tenge greater than 0 with at most 2 decimals, like 15000 or 15000.50',
  plate: 'must be a Kazakh registration plate like 123ABC02 (or the older format A123BCD)',
  'document-number': 'must be a document number of 6 to 12 Latin letters and digits, like N12345678 or 012345678',
};

/**
 * Checks and normalises the values against the category's attributes: required ones present,
 * unknown codes rejected, types and formats checked (phone normalised to +7XXXXXXXXXX for Kazakh
 * numbers, accepting 8 7xx..., +7 (7xx) ...; card digits only + Luhn; URL http/https; amount > 0
 * with at most 2 decimals; datetime ISO 8601; list values among the keys), lists: accepts an array
 * or a comma-separated string (Open311 sends strings).
 */
export function validateAttributes(
  category: CategoryDefinition,
  input: unknown,
  fieldPrefix = 'attributes',
): { values: AttributeValues; errors: FieldError[] } {
  const values: AttributeValues = {};
  const errors: FieldError[] = [];
  const field = (code: string, index?: number): string =>
    `${fieldPrefix ? `${fieldPrefix}.` : ''}${code}${index === undefined ? '' : `[${index}]`}`;

  if (input !== undefined && input !== null && (typeof input !== 'object' || Array.isArray(input))) {
    errors.push({ field: fieldPrefix || 'attributes', message: 'must be an object of values keyed by attribute code' });
    return { values, errors };
  }
  const record = (input ?? {}) as Record<string, unknown>;
  const byCode = new Map(category.attributes.map((attribute) => [attribute.code, attribute]));

  for (const key of Object.keys(record)) {
    if (byCode.has(key)) continue;
    const known = category.attributes.map((attribute) => attribute.code).join(', ');
    errors.push({
      field: field(key.length > 64 ? `${key.slice(0, 64)}...` : key),
      message: known
        ? `is not a field of category "${category.code}" (its fields: ${known})`
        : `is not a field of category "${category.code}", which has no fields`,
    });
  }

  for (const attribute of [...category.attributes].sort((a, b) => a.order - b.order)) {
    const raw = Object.prototype.hasOwnProperty.call(record, attribute.code) ? record[attribute.code] : undefined;
    const missing = (): void => {
      if (attribute.required) errors.push({ field: field(attribute.code), message: `is required (${attribute.description.en})` });
    };

    if (!isList(attribute)) {
      const check = checkItem(attribute, raw);
      if (check.ok === 'empty') missing();
      else if (check.ok) values[attribute.code] = check.value;
      else errors.push({ field: field(attribute.code), message: check.message });
      continue;
    }

    const items = listItems(attribute, raw);
    if (items === undefined) {
      errors.push({ field: field(attribute.code), message: 'must be a list of values or a comma-separated string' });
      continue;
    }
    const present = items.filter(([, item]) => !isBlank(item));
    if (present.length === 0) {
      missing();
      continue;
    }
    if (present.length > MAX_LIST_ITEMS) {
      errors.push({ field: field(attribute.code), message: `must have at most ${MAX_LIST_ITEMS} values` });
      continue;
    }
    const normalised: string[] = [];
    let failed = false;
    for (const [index, item] of present) {
      const check = checkItem(attribute, item);
      if (check.ok === true) {
        const value = String(check.value);
        if (!normalised.includes(value)) normalised.push(value);
      } else if (check.ok === false) {
        failed = true;
        errors.push({ field: field(attribute.code, index), message: check.message });
      }
    }
    if (!failed) values[attribute.code] = normalised;
  }

  return { values, errors };
}

/** The values without the attributes marked personal (what may appear outside the service). Unknown codes are dropped too. */
export function nonPersonalAttributes(category: CategoryDefinition, values: AttributeValues): AttributeValues {
  const result: AttributeValues = {};
  for (const attribute of category.attributes) {
    if (attribute.personal || !Object.prototype.hasOwnProperty.call(values, attribute.code)) continue;
    const value = values[attribute.code];
    result[attribute.code] = Array.isArray(value) ? [...value] : value;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------------------------

function isList(attribute: CategoryAttribute): boolean {
  return attribute.multiple === true || attribute.datatype === 'multivaluelist';
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** [index, item] pairs of a list given as an array or as a separated string; undefined when neither. */
function listItems(attribute: CategoryAttribute, raw: unknown): Array<[number, unknown]> | undefined {
  if (raw === undefined || raw === null) return [];
  if (Array.isArray(raw)) return raw.map((item, index) => [index, item]);
  if (typeof raw === 'number' || typeof raw === 'boolean') return [[0, raw]];
  if (typeof raw !== 'string') return undefined;
  const pieces =
    attribute.format === 'url'
      ? // Commas are legal inside URLs: split on whitespace, or on a comma/semicolon followed by a new URL.
        raw.split(/\s*[,;]\s*(?=https?:\/\/)|\s+/i).map((piece) => piece.replace(/[,;]+$/, ''))
      : raw.split(/[,;\n]/);
  return pieces.map((piece) => piece.trim()).filter((piece) => piece !== '').map((piece, index) => [index, piece]);
}

// ---------------------------------------------------------------------------------------------
// One value
// ---------------------------------------------------------------------------------------------

function checkItem(attribute: CategoryAttribute, raw: unknown): Check {
  if (isBlank(raw)) return EMPTY;
  switch (attribute.datatype) {
    case 'string':
    case 'text':
      return checkString(attribute, raw);
    case 'number':
      return attribute.format === 'amount' ? checkAmount(raw) : checkNumber(raw);
    case 'datetime':
      return checkDatetime(raw);
    case 'singlevaluelist':
    case 'multivaluelist':
      return checkListKey(attribute, raw);
  }
}

function checkString(attribute: CategoryAttribute, raw: unknown): Check {
  if (typeof raw === 'number' && Number.isFinite(raw)) raw = String(raw);
  if (typeof raw !== 'string') return fail('must be text');
  const value = raw.trim();
  if (value === '') return EMPTY;
  const maxLength = attribute.maxLength ?? DEFAULT_MAX_LENGTH[attribute.datatype === 'text' ? 'text' : 'string'];
  if (value.length > maxLength) return fail(`must be at most ${maxLength} characters`);
  // eslint-disable-next-line no-control-regex
  const control = attribute.datatype === 'text' ? /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/ : /[\u0000-\u001f\u007f]/;
  if (control.test(value)) {
    return fail(attribute.datatype === 'text' ? 'must not contain control characters' : 'must be a single line without control characters');
  }
  if (!attribute.format) return pass(value);
  switch (attribute.format) {
    case 'phone': {
      const phone = normalisePhone(value);
      return phone ? pass(phone) : fail(MESSAGES.phone);
    }
    case 'card':
      return checkCard(value);
    case 'account':
      return checkIban(value);
    case 'url':
      return checkUrl(value);
    case 'messenger-handle':
      return checkHandle(value);
    case 'plate':
      return checkPlate(value);
    case 'document-number':
      return checkDocumentNumber(value);
    case 'amount':
      return checkAmount(value);
  }
}

/**
 * A phone number in E.164 form. Numbers of the +7 zone (Kazakhstan, and Russia, which shares it)
 * may be written +7 (701) 123-45-67, 8 701 123 45 67, 7 701 1234567 or 701 123 45 67; they become
 * +77011234567. Other countries' numbers need + (or 00) and the country code. Returns undefined
 * when the text is not a phone number.
 */
export function normalisePhone(raw: string): string | undefined {
  const text = raw.trim();
  if (!/^\+?[\d\s().-]+$/.test(text)) return undefined;
  let digits = text.replace(/\D/g, '');
  let international = text.startsWith('+');
  if (!international && digits.startsWith('00')) {
    international = true;
    digits = digits.slice(2);
  }
  const zone7 = (national: string): string | undefined => (/^[3-9]\d{9}$/.test(national) ? `+7${national}` : undefined);
  if (international) {
    if (digits.startsWith('7')) return zone7(digits.slice(1));
    return /^[1-9]\d{7,14}$/.test(digits) ? `+${digits}` : undefined;
  }
  if (digits.length === 11 && (digits.startsWith('8') || digits.startsWith('7'))) return zone7(digits.slice(1));
  // Ten digits starting with 7: a Kazakh number without the trunk prefix (701 123 45 67).
  if (digits.length === 10 && digits.startsWith('7')) return zone7(digits);
  return undefined;
}

/** The Luhn check digit of a card number (digits only). */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function checkCard(value: string): Check {
  if (/[*xX•#]/.test(value)) {
    return fail('must be the full card number of 16 to 19 digits: a masked number (with * or x) cannot be checked, write it in the description');
  }
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{16,19}$/.test(digits)) return fail(MESSAGES.card);
  if (!luhnValid(digits)) return fail('is not a valid card number: its check digit (Luhn) does not match, look for a typo');
  return pass(digits);
}

/** The ISO 13616 mod-97 check of an IBAN (upper case, no spaces). */
export function ibanValid(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char >= 'A' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of code) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

function checkIban(value: string): Check {
  const iban = value.replace(/[\s-]/g, '').toUpperCase();
  // KZ, 2 check digits, 3-digit bank code, 13 characters of the account.
  if (!/^KZ\d{2}\d{3}[A-Z0-9]{13}$/.test(iban)) return fail(MESSAGES.account);
  if (!ibanValid(iban)) return fail('is not a valid IBAN: its check digits do not match, look for a typo');
  return pass(iban);
}

function checkUrl(value: string): Check {
  if (!/^https?:\/\//i.test(value) || /\s/.test(value)) return fail(MESSAGES.url);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(MESSAGES.url);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname.includes('.') || url.hostname.endsWith('.')) {
    return fail(MESSAGES.url);
  }
  return pass(url.href);
}

function checkHandle(value: string): Check {
  const link = /^(?:https?:\/\/)?(?:t\.me|telegram\.me)\/([A-Za-z0-9_]{2,64})\/?$/i.exec(value);
  if (link) return pass(`@${link[1].toLowerCase()}`);
  const handle = /^@?([A-Za-z0-9_.]{2,64})$/.exec(value);
  if (!handle || !/[A-Za-z0-9]/.test(handle[1])) return fail(MESSAGES['messenger-handle']);
  return pass(`@${handle[1].toLowerCase()}`);
}

/** Cyrillic letters that look like the Latin ones used on Kazakh plates. */
const CYRILLIC_LOOKALIKES: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y',
};

function checkPlate(value: string): Check {
  const plate = value
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[АВЕКМНОРСТХУ]/g, (char) => CYRILLIC_LOOKALIKES[char]);
  // Since 2012: 3 digits, 3 letters (2 for organisations), 2-digit region; before: region letter, 3 digits, 2-3 letters.
  if (/^\d{3}[A-Z]{2,3}\d{2}$/.test(plate) || /^[A-Z]\d{3}[A-Z]{2,3}$/.test(plate)) return pass(plate);
  return fail(MESSAGES.plate);
}

function checkDocumentNumber(value: string): Check {
  const number = value.replace(/^№\s*/, '').replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z0-9]{6,12}$/.test(number) || !/\d/.test(number)) return fail(MESSAGES['document-number']);
  return pass(number);
}

function checkAmount(raw: unknown): Check {
  let amount: number;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || Math.abs(Math.round(raw * 100) - raw * 100) > 1e-6) return fail(MESSAGES.amount);
    amount = raw;
  } else if (typeof raw === 'string') {
    // Spaces (also non-breaking) group thousands; a comma may be the decimal separator; a currency sign may follow.
    const text = raw
      .replace(/[\s\u00a0\u202f]/g, '')
      .replace(/(₸|kzt|тг\.?|тенге|теңге)$/i, '');
    const decimal = /^\d+,\d{1,2}$/.test(text) ? text.replace(',', '.') : text;
    if (!/^\d+(\.\d{1,2})?$/.test(decimal)) return fail(MESSAGES.amount);
    amount = Number(decimal);
  } else {
    return fail(MESSAGES.amount);
  }
  if (!(amount > 0)) return fail(MESSAGES.amount);
  if (amount > MAX_AMOUNT) return fail(`must be at most ${MAX_AMOUNT} tenge`);
  return pass(amount);
}

function checkNumber(raw: unknown): Check {
  if (typeof raw === 'number') return Number.isFinite(raw) ? pass(raw) : fail('must be a number, like 42 or 3.5');
  if (typeof raw !== 'string') return fail('must be a number, like 42 or 3.5');
  const text = raw.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(text)) return fail('must be a number, like 42 or 3.5');
  return pass(Number(text));
}

const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/i;
const DATETIME_MESSAGE = 'must be a date and time in ISO 8601, like 2026-03-01T14:30:00+05:00 or 2026-03-01';

/** ISO 8601 date or date-time (a time without offset is local Kazakhstan time); kept as given, with 'T' and 'Z' upper case. */
function checkDatetime(raw: unknown): Check {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? fail(DATETIME_MESSAGE) : pass(raw.toISOString());
  if (typeof raw !== 'string') return fail(DATETIME_MESSAGE);
  const text = raw.trim();
  const match = DATETIME.exec(text);
  if (!match) return fail(DATETIME_MESSAGE);
  const [, year, month, day, hour = '0', minute = '0', second = '0', , offsetHours = '0', offsetMinutes = '0'] = match;
  const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  const valid =
    Number(year) >= 1900 &&
    Number(month) >= 1 &&
    Number(month) <= 12 &&
    Number(day) >= 1 &&
    Number(day) <= daysInMonth &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second) <= 59 &&
    Number(offsetHours) <= 14 &&
    Number(offsetMinutes) <= 59;
  if (!valid) return fail(DATETIME_MESSAGE);
  return pass(text.replace(' ', 'T').replace(/t/, 'T').replace(/z$/, 'Z'));
}

function checkListKey(attribute: CategoryAttribute, raw: unknown): Check {
  const keys = (attribute.values ?? []).map((value) => value.key);
  let text: string | undefined;
  if (typeof raw === 'string') text = raw.trim();
  else if (typeof raw === 'number' && Number.isFinite(raw)) text = String(raw);
  else if (typeof raw === 'boolean' && keys.includes('yes') && keys.includes('no')) text = raw ? 'yes' : 'no';
  if (text === undefined) return fail(`must be one of: ${keys.join(', ')}`);
  if (text === '') return EMPTY;
  const key = keys.find((candidate) => candidate.toLowerCase() === text.toLowerCase());
  return key === undefined ? fail(`must be one of: ${keys.join(', ')}`) : pass(key);
}
