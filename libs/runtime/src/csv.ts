/**
 * RFC 4180 CSV parsing that keeps the line where each record starts, for import error reports
 * (the roster's territory and inspector files, staffing-forecast's workforce facts).
 *
 * Accepts a UTF-8 byte order mark, CRLF, LF or CR line ends, quoted fields with delimiters, doubled
 * quotes and line breaks. The delimiter is `,`, or `;` when the header line has `;` and no `,` (what
 * Excel writes in the ru/kk locales). Header names are trimmed and lower-cased; values are kept as
 * written (no trimming). Blank lines are skipped.
 */

export interface CsvRow {
  /** Line (1-based) where the record starts. */
  line: number;
  /** Field values by (normalised) header name. */
  values: Record<string, string>;
}

export interface CsvError {
  line: number;
  reason: string;
}

export interface CsvResult {
  header: string[];
  rows: CsvRow[];
  errors: CsvError[];
}

/** One raw record: its fields, or why it could not be read. */
interface RawRecord {
  line: number;
  fields: string[];
  /** True when the record is an empty line (a single unquoted, blank field). */
  blank: boolean;
  error?: string;
  /** True when reading had to stop (unterminated quote). */
  fatal?: boolean;
}

/** Picks the delimiter from the first non-blank line: `;` if it has `;` and no `,`. */
function detectDelimiter(text: string): ',' | ';' {
  const firstLine = text.split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? '';
  return firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
}

/** Reads records one by one, tracking physical line numbers across quoted line breaks. */
class RecordReader {
  private position = 0;
  private line = 1;

  constructor(
    private readonly text: string,
    private readonly delimiter: string,
  ) {}

  get done(): boolean {
    return this.position >= this.text.length;
  }

  /** Reads the record starting at the current position, including its line end. */
  next(): RawRecord {
    const start = this.line;
    const fields: string[] = [];
    let anyQuoted = false;
    for (;;) {
      const quoted = this.text[this.position] === '"';
      anyQuoted ||= quoted;
      const quoteLine = this.line;
      const field = quoted ? this.quotedField() : this.plainField();
      if (field === undefined) {
        return {
          line: start,
          fields,
          blank: false,
          error: `unterminated quoted field (the quote opens on line ${quoteLine})`,
          fatal: true,
        };
      }
      fields.push(field);
      const c = this.text[this.position];
      if (c === this.delimiter) {
        this.position++;
        continue;
      }
      if (c === undefined || this.atLineEnd()) {
        this.skipLineEnd();
        return { line: start, fields, blank: !anyQuoted && fields.length === 1 && fields[0].trim() === '' };
      }
      // Only after a closing quote can anything else follow a field.
      this.skipRestOfRecord();
      return {
        line: start,
        fields,
        blank: false,
        error: `unexpected character ${JSON.stringify(c)} after a closing quote`,
      };
    }
  }

  private atLineEnd(): boolean {
    const c = this.text[this.position];
    return c === '\n' || c === '\r';
  }

  /** Consumes one line end (CRLF, LF or CR), if any. */
  private skipLineEnd(): void {
    if (this.text[this.position] === '\r') this.position++;
    if (this.text[this.position] === '\n') this.position++;
    this.line++;
  }

  /** Reads an unquoted field up to the next delimiter or line end. */
  private plainField(): string {
    const begin = this.position;
    while (
      this.position < this.text.length &&
      this.text[this.position] !== this.delimiter &&
      !this.atLineEnd()
    )
      this.position++;
    return this.text.slice(begin, this.position);
  }

  /** Reads a quoted field (position at its opening quote); undefined when it never closes. */
  private quotedField(): string | undefined {
    this.position++;
    let value = '';
    for (;;) {
      const close = this.text.indexOf('"', this.position);
      if (close < 0) {
        this.position = this.text.length;
        return undefined;
      }
      const chunk = this.text.slice(this.position, close);
      this.countLines(chunk);
      value += chunk;
      if (this.text[close + 1] === '"') {
        value += '"';
        this.position = close + 2;
      } else {
        this.position = close + 1;
        return value;
      }
    }
  }

  /** Advances the line counter over line breaks inside a quoted field. */
  private countLines(chunk: string): void {
    for (let i = 0; i < chunk.length; i++) {
      if (chunk[i] === '\n' || (chunk[i] === '\r' && chunk[i + 1] !== '\n')) this.line++;
    }
  }

  /** Skips a malformed record to its line end (quotes are not interpreted any more). */
  private skipRestOfRecord(): void {
    while (this.position < this.text.length && !this.atLineEnd()) this.position++;
    if (this.position < this.text.length) this.skipLineEnd();
  }
}

/** Parses CSV text: a header record, then data records keyed by header name. */
export function parseCsv(text: string): CsvResult {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const reader = new RecordReader(body, detectDelimiter(body));
  const result: CsvResult = { header: [], rows: [], errors: [] };
  let haveHeader = false;
  while (!reader.done) {
    const record = reader.next();
    if (record.error) {
      result.errors.push({ line: record.line, reason: record.error });
      if (record.fatal) break;
      continue;
    }
    if (record.blank) continue;
    if (!haveHeader) {
      haveHeader = true;
      result.header = record.fields.map((name) => name.trim().toLowerCase());
      result.errors.push(...headerErrors(result.header, record.line));
      continue;
    }
    if (record.fields.length !== result.header.length) {
      result.errors.push({
        line: record.line,
        reason: `expected ${result.header.length} fields, found ${record.fields.length}`,
      });
      continue;
    }
    const values: Record<string, string> = {};
    result.header.forEach((name, i) => (values[name] = record.fields[i]));
    result.rows.push({ line: record.line, values });
  }
  return result;
}

/** Empty or repeated column names in the header. */
function headerErrors(header: readonly string[], line: number): CsvError[] {
  const errors: CsvError[] = [];
  header.forEach((name, i) => {
    if (name === '') errors.push({ line, reason: `column ${i + 1} of the header has no name` });
    else if (header.indexOf(name) !== i)
      errors.push({ line, reason: `column "${name}" appears more than once in the header` });
  });
  return errors;
}
