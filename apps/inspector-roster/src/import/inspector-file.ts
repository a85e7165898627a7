/**
 * Import of district inspectors from CSV. Every bad row is reported with its line and the column at
 * fault; only rows without any error become rows of the result.
 *
 * Columns: personal_number, last_name, first_name, patronymic, rank, position, unit, precinct_code,
 * assigned_from, phone, username, service_start. patronymic and the last five are optional (the
 * column may be missing, or the value empty). Values are trimmed.
 */
import { DISTRICT_CODE_PATTERN, parsePrecinctCode, PRECINCT_CODE_PATTERN } from '@seriktes/contracts';
import { isPosition, POSITIONS, rankByCode, RANKS, type Position } from '../inspectors/ranks';
import { parseCsv } from '@seriktes/runtime/csv';
import type { ImportError } from './precinct-file';

export type { ImportError } from './precinct-file';

export interface InspectorImportRow {
  line: number;
  personalNumber: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  /** Rank code, e.g. `police_captain`. */
  rank: string;
  position: Position;
  /** District code of the unit, e.g. AST-ESL. */
  unitCode: string;
  precinctCode: string | null;
  /** ISO date YYYY-MM-DD. */
  assignedFrom: string | null;
  /** +7 and ten digits. */
  phone: string | null;
  /** Identity-provider username, e.g. ast.esil.01. */
  username: string | null;
  /** ISO date, for seniority leave. */
  serviceStart: string | null;
}

export interface InspectorFileOptions {
  knownPrecincts?: ReadonlySet<string>;
  knownDistricts?: ReadonlySet<string>;
  /** The current instant (dates may not be later than its date in Kazakhstan); default now. */
  now?: Date;
}

const REQUIRED_COLUMNS = ['personal_number', 'last_name', 'first_name', 'rank', 'position', 'unit'] as const;
const OPTIONAL_COLUMNS = [
  'patronymic',
  'precinct_code',
  'assigned_from',
  'phone',
  'username',
  'service_start',
] as const;
const KNOWN_COLUMNS: ReadonlySet<string> = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);

const PERSONAL_NUMBER = /^[0-9A-Z]{6,12}$/;
/** Letters of Kazakh and Russian Cyrillic and Latin; inner hyphens, spaces and apostrophes. */
const NAME_LETTER = 'A-Za-zА-ЯЁа-яёӘәҒғҚқҢңӨөҰұҮүҺһІі';
const NAME = new RegExp(`^[${NAME_LETTER}](?:[${NAME_LETTER}' ’ʼ-]*[${NAME_LETTER}])?$`, 'u');
const MAX_NAME_LENGTH = 100;
const DISTRICT_CODE = new RegExp(DISTRICT_CODE_PATTERN);
const PRECINCT_CODE = new RegExp(PRECINCT_CODE_PATTERN);
const PHONE = /^\+7[0-9]{10}$/;
const USERNAME = /^[a-z0-9._-]{3,64}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Kazakhstan's time zone (a single zone, UTC+5, since 2024). */
const TIME_ZONE = 'Asia/Almaty';

/** Today's date (YYYY-MM-DD) in Kazakhstan. */
function todayInKazakhstan(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** True when value is a real calendar date written YYYY-MM-DD. */
function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Collects the errors of one row; every reason starts with the column name. */
class RowCheck {
  readonly errors: ImportError[] = [];

  constructor(
    readonly line: number,
    private readonly values: Record<string, string>,
  ) {}

  /** The trimmed value of a column ('' when the column is absent). */
  value(column: string): string {
    return (this.values[column] ?? '').trim();
  }

  fail(column: string, reason: string): void {
    this.errors.push({ line: this.line, key: column, reason: `${column}: ${reason}` });
  }

  /** A required value, or undefined after reporting it missing. */
  required(column: string): string | undefined {
    const value = this.value(column);
    if (value === '') {
      this.fail(column, 'is required');
      return undefined;
    }
    return value;
  }

  /** A name (required or optional), with inner runs of spaces collapsed. */
  name(column: string, required: boolean): string | null {
    const value = this.value(column).replace(/\s+/g, ' ');
    if (value === '') {
      if (required) this.fail(column, 'is required');
      return null;
    }
    if (value.length > MAX_NAME_LENGTH) this.fail(column, `is longer than ${MAX_NAME_LENGTH} characters`);
    else if (!NAME.test(value))
      this.fail(
        column,
        `"${value}" may contain only Cyrillic (Kazakh or Russian) or Latin letters, hyphens, spaces and apostrophes`,
      );
    return value;
  }

  /** An optional ISO date not later than today. */
  date(column: string, today: string): string | null {
    const value = this.value(column);
    if (value === '') return null;
    if (!isIsoDate(value)) this.fail(column, `"${value}" is not a date written YYYY-MM-DD`);
    else if (value > today) this.fail(column, `${value} is in the future`);
    return value;
  }
}

/** Checks and converts one CSV row; the row is undefined when it has errors. */
function checkRow(
  check: RowCheck,
  options: InspectorFileOptions,
  today: string,
): InspectorImportRow | undefined {
  const personalNumber = check.required('personal_number');
  if (personalNumber !== undefined && !PERSONAL_NUMBER.test(personalNumber)) {
    check.fail('personal_number', `"${personalNumber}" must be 6 to 12 digits or capital Latin letters`);
  }
  const lastName = check.name('last_name', true);
  const firstName = check.name('first_name', true);
  const patronymic = check.name('patronymic', false);

  const rank = check.required('rank');
  if (rank !== undefined && !rankByCode(rank)) {
    check.fail('rank', `unknown rank "${rank}"; use one of ${RANKS.map((r) => r.code).join(', ')}`);
  }
  const position = check.required('position');
  if (position !== undefined && !isPosition(position)) {
    check.fail(
      'position',
      `unknown position "${position}"; use one of ${POSITIONS.map((p) => p.code).join(', ')}`,
    );
  }

  const unitCode = check.required('unit');
  let unitOk = false;
  if (unitCode !== undefined) {
    if (!DISTRICT_CODE.test(unitCode))
      check.fail('unit', `"${unitCode}" is not a district code (e.g. AST-ESL)`);
    else if (options.knownDistricts && !options.knownDistricts.has(unitCode))
      check.fail('unit', `district ${unitCode} is not known`);
    else unitOk = true;
  }

  const precinctCode = check.value('precinct_code') || null;
  if (precinctCode !== null) {
    const precinct = PRECINCT_CODE.test(precinctCode) ? parsePrecinctCode(precinctCode) : undefined;
    if (!precinct) check.fail('precinct_code', `"${precinctCode}" is not a precinct code (e.g. AST-ESL-01)`);
    else if (unitOk && precinct.districtCode !== unitCode)
      check.fail('precinct_code', `precinct ${precinctCode} is not in unit ${unitCode}`);
    else if (options.knownPrecincts && !options.knownPrecincts.has(precinctCode))
      check.fail('precinct_code', `precinct ${precinctCode} is not known`);
  }

  const assignedFrom = check.date('assigned_from', today);
  if (assignedFrom !== null && precinctCode === null)
    check.fail('assigned_from', 'is given without precinct_code');
  const serviceStart = check.date('service_start', today);
  const datesOk = !check.errors.some((e) => e.key === 'assigned_from' || e.key === 'service_start');
  if (datesOk && assignedFrom !== null && serviceStart !== null && assignedFrom < serviceStart) {
    check.fail('assigned_from', `${assignedFrom} is before service_start ${serviceStart}`);
  }

  const rawPhone = check.value('phone');
  const phone = rawPhone === '' ? null : rawPhone.replace(/[\s\-()]/g, '');
  if (phone !== null && !PHONE.test(phone))
    check.fail('phone', `"${rawPhone}" must be +7 followed by 10 digits`);

  const username = check.value('username') || null;
  if (username !== null && !USERNAME.test(username)) {
    check.fail(
      'username',
      `"${username}" must be 3 to 64 lower-case Latin letters, digits, dots, underscores or hyphens`,
    );
  }

  if (check.errors.length > 0) return undefined;
  return {
    line: check.line,
    personalNumber: personalNumber as string,
    lastName: lastName as string,
    firstName: firstName as string,
    patronymic,
    rank: rank as string,
    position: position as Position,
    unitCode: unitCode as string,
    precinctCode,
    assignedFrom,
    phone,
    username,
    serviceStart,
  };
}

/** Errors of the header: required columns missing, unknown columns. */
function headerErrors(header: readonly string[], line: number): ImportError[] {
  const errors: ImportError[] = [];
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) errors.push({ line, reason: `missing required column(s): ${missing.join(', ')}` });
  for (const column of header) {
    if (column !== '' && !KNOWN_COLUMNS.has(column))
      errors.push({ line, key: column, reason: `unknown column "${column}"` });
  }
  return errors;
}

/** Line number of the first non-blank line (where parseCsv finds the header). */
function firstNonBlankLine(text: string): number {
  const index = text.split(/\r\n|\r|\n/).findIndex((line) => line.replace('\uFEFF', '').trim() !== '');
  return index < 0 ? 1 : index + 1;
}

/**
 * Parses and validates an inspector CSV file. Besides each row on its own, a personal_number or
 * username repeated in the file is an error on the later row, naming the earlier line. When
 * required columns are missing, only that is reported.
 */
export function parseInspectorFile(
  text: string,
  options: InspectorFileOptions = {},
): { rows: InspectorImportRow[]; errors: ImportError[] } {
  const csv = parseCsv(text);
  if (csv.header.length === 0)
    return { rows: [], errors: [{ line: 1, reason: 'the file is empty' }, ...csv.errors] };
  const headerLine = firstNonBlankLine(text);
  const errors: ImportError[] = [
    ...csv.errors.map((e) => ({ line: e.line, reason: e.reason })),
    ...headerErrors(csv.header, headerLine),
  ];
  if (REQUIRED_COLUMNS.some((column) => !csv.header.includes(column))) return { rows: [], errors };

  const today = todayInKazakhstan(options.now ?? new Date());
  const firstLineOf = { personal_number: new Map<string, number>(), username: new Map<string, number>() };
  const rows: InspectorImportRow[] = [];
  for (const { line, values } of csv.rows) {
    const check = new RowCheck(line, values);
    const row = checkRow(check, options, today);
    for (const column of ['personal_number', 'username'] as const) {
      const value = check.value(column);
      if (value === '') continue;
      const earlier = firstLineOf[column].get(value);
      if (earlier === undefined) firstLineOf[column].set(value, line);
      else check.fail(column, `${value} is already used on line ${earlier}`);
    }
    errors.push(...check.errors);
    if (row && check.errors.length === 0) rows.push(row);
  }
  errors.sort((a, b) => a.line - b.line);
  return { rows, errors };
}
