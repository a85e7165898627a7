import { parseInspectorFile, type InspectorImportRow } from './inspector-file';

const HEADER =
  'personal_number,last_name,first_name,patronymic,rank,position,unit,precinct_code,assigned_from,phone,username,service_start';
/** Noon on 1 March 2025 in Astana. */
const NOW = new Date('2025-03-01T07:00:00Z');

const VALID =
  '123456AB,Әбілқайыров,Нұржан,Серікұлы,police_captain,district_inspector,AST-ESL,AST-ESL-01,2024-09-01,+7 (701) 123-45-67,ast.esil.01,2015-08-15';

/** Another valid inspector (different personal number and username). */
const OTHER = VALID.replace('123456AB', '222222').replace('ast.esil.01', 'ast.esil.02');

/** A file with the header and the given data lines (line 2 onwards). */
function file(...lines: string[]): string {
  return [HEADER, ...lines].join('\n') + '\n';
}

/** OTHER (or base) with one column replaced. */
function withColumn(column: string, value: string, base = OTHER): string {
  const index = HEADER.split(',').indexOf(column);
  const fields = base.split(',');
  fields[index] = value;
  return fields.join(',');
}

const parse = (text: string, options = {}) => parseInspectorFile(text, { now: NOW, ...options });

describe('parseInspectorFile', () => {
  it('reads a valid row, normalising the phone', () => {
    const { rows, errors } = parse(file(VALID));
    expect(errors).toEqual([]);
    expect(rows).toEqual<InspectorImportRow[]>([
      {
        line: 2,
        personalNumber: '123456AB',
        lastName: 'Әбілқайыров',
        firstName: 'Нұржан',
        patronymic: 'Серікұлы',
        rank: 'police_captain',
        position: 'district_inspector',
        unitCode: 'AST-ESL',
        precinctCode: 'AST-ESL-01',
        assignedFrom: '2024-09-01',
        phone: '+77011234567',
        username: 'ast.esil.01',
        serviceStart: '2015-08-15',
      },
    ]);
  });

  it('accepts empty optional values and missing optional columns', () => {
    const empty = parse(file('000123,Smith,John,,police_sergeant,assistant,AST-ESL,,,,,'));
    expect(empty.errors).toEqual([]);
    expect(empty.rows[0]).toMatchObject({
      patronymic: null,
      precinctCode: null,
      assignedFrom: null,
      phone: null,
      username: null,
      serviceStart: null,
    });

    const minimal = parse(
      'personal_number;last_name;first_name;rank;position;unit\n000123;O’Neil;Mary-Ann;police_major;juvenile_inspector;ALM-BOS\n',
    );
    expect(minimal.errors).toEqual([]);
    expect(minimal.rows[0]).toMatchObject({
      line: 2,
      lastName: 'O’Neil',
      firstName: 'Mary-Ann',
      patronymic: null,
      unitCode: 'ALM-BOS',
    });
  });

  it('trims values and accepts quoted fields, CRLF and a BOM', () => {
    const text =
      '\uFEFF' +
      file(
        ' 123456AB ,"Иванова-Петрова",Анна, Ивановна ,police_lieutenant,senior_district_inspector,AST-ESL,,,,,',
      ).replace(/\n/g, '\r\n');
    const { rows, errors } = parse(text);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({
      personalNumber: '123456AB',
      lastName: 'Иванова-Петрова',
      patronymic: 'Ивановна',
    });
  });

  describe('column checks', () => {
    it.each([
      ['personal_number', '', 'personal_number: is required'],
      [
        'personal_number',
        '12345',
        'personal_number: "12345" must be 6 to 12 digits or capital Latin letters',
      ],
      [
        'personal_number',
        '1234567890123',
        'personal_number: "1234567890123" must be 6 to 12 digits or capital Latin letters',
      ],
      [
        'personal_number',
        '123456ab',
        'personal_number: "123456ab" must be 6 to 12 digits or capital Latin letters',
      ],
      ['last_name', '', 'last_name: is required'],
      [
        'last_name',
        'Smith2',
        'last_name: "Smith2" may contain only Cyrillic (Kazakh or Russian) or Latin letters, hyphens, spaces and apostrophes',
      ],
      [
        'first_name',
        '-Anna',
        'first_name: "-Anna" may contain only Cyrillic (Kazakh or Russian) or Latin letters, hyphens, spaces and apostrophes',
      ],
      ['first_name', 'Ж'.repeat(101), 'first_name: is longer than 100 characters'],
      [
        'patronymic',
        'Ivan@',
        'patronymic: "Ivan@" may contain only Cyrillic (Kazakh or Russian) or Latin letters, hyphens, spaces and apostrophes',
      ],
      [
        'rank',
        'captain',
        'rank: unknown rank "captain"; use one of police_private, police_junior_sergeant, police_sergeant, police_senior_sergeant, police_sergeant_major, police_junior_lieutenant, police_lieutenant, police_senior_lieutenant, police_captain, police_major, police_lieutenant_colonel, police_colonel',
      ],
      ['rank', '', 'rank: is required'],
      [
        'position',
        'inspector',
        'position: unknown position "inspector"; use one of district_inspector, senior_district_inspector, juvenile_inspector, assistant',
      ],
      ['unit', 'AST-ES', 'unit: "AST-ES" is not a district code (e.g. AST-ESL)'],
      ['unit', '', 'unit: is required'],
      ['precinct_code', 'AST-ESL-1', 'precinct_code: "AST-ESL-1" is not a precinct code (e.g. AST-ESL-01)'],
      ['precinct_code', 'AST-SAR-01', 'precinct_code: precinct AST-SAR-01 is not in unit AST-ESL'],
      ['assigned_from', '2024-02-30', 'assigned_from: "2024-02-30" is not a date written YYYY-MM-DD'],
      ['assigned_from', '01.09.2024', 'assigned_from: "01.09.2024" is not a date written YYYY-MM-DD'],
      ['assigned_from', '2025-03-02', 'assigned_from: 2025-03-02 is in the future'],
      ['assigned_from', '2010-01-01', 'assigned_from: 2010-01-01 is before service_start 2015-08-15'],
      ['service_start', '2030-01-01', 'service_start: 2030-01-01 is in the future'],
      ['service_start', '2015-13-01', 'service_start: "2015-13-01" is not a date written YYYY-MM-DD'],
      ['phone', '87011234567', 'phone: "87011234567" must be +7 followed by 10 digits'],
      ['phone', '+7 701 123 45 6', 'phone: "+7 701 123 45 6" must be +7 followed by 10 digits'],
      [
        'username',
        'Ast.Esil',
        'username: "Ast.Esil" must be 3 to 64 lower-case Latin letters, digits, dots, underscores or hyphens',
      ],
      [
        'username',
        'ab',
        'username: "ab" must be 3 to 64 lower-case Latin letters, digits, dots, underscores or hyphens',
      ],
    ])('rejects %s = %j', (column, value, reason) => {
      const { rows, errors } = parse(file(VALID, withColumn(column, value)));
      expect(rows.map((r) => r.line)).toEqual([2]);
      expect(errors).toEqual([{ line: 3, key: column, reason }]);
    });

    it('accepts dates of today in Kazakhstan (UTC+5), even when it is still yesterday in UTC', () => {
      const lateEvening = new Date('2025-02-28T20:00:00Z'); // 1 March 01:00 in Astana
      expect(parse(file(withColumn('assigned_from', '2025-03-01')), { now: lateEvening }).errors).toEqual([]);
    });

    it('rejects assigned_from without a precinct', () => {
      const row = withColumn('precinct_code', '');
      expect(parse(file(row)).errors).toEqual([
        { line: 2, key: 'assigned_from', reason: 'assigned_from: is given without precinct_code' },
      ]);
    });

    it('checks unit and precinct against the known ones when given', () => {
      const options = { knownDistricts: new Set(['AST-ESL']), knownPrecincts: new Set(['AST-ESL-01']) };
      const { rows, errors } = parse(
        file(
          VALID,
          withColumn('precinct_code', 'AST-ESL-02'),
          withColumn('unit', 'AST-SAR', VALID.replace('123456AB', '333333').replace('ast.esil.01', 'x.y.z')),
        ),
        options,
      );
      expect(rows.map((r) => r.line)).toEqual([2]);
      expect(errors).toEqual([
        { line: 3, key: 'precinct_code', reason: 'precinct_code: precinct AST-ESL-02 is not known' },
        { line: 4, key: 'unit', reason: 'unit: district AST-SAR is not known' },
      ]);
    });

    it('reports every bad column of a row', () => {
      const row = withColumn('rank', 'general', withColumn('phone', '123', withColumn('last_name', '')));
      expect(parse(file(row)).errors.map((e) => e.key)).toEqual(['last_name', 'rank', 'phone']);
    });
  });

  describe('duplicates in the file', () => {
    it('rejects a repeated personal number or username on the later row, naming the earlier line', () => {
      const second = VALID.replace('ast.esil.01', 'ast.esil.02').replace('AST-ESL-01', 'AST-ESL-02');
      const third = VALID.replace('123456AB', '654321CD');
      const { rows, errors } = parse(file(VALID, second, third));
      expect(rows.map((r) => r.line)).toEqual([2]);
      expect(errors).toEqual([
        { line: 3, key: 'personal_number', reason: 'personal_number: 123456AB is already used on line 2' },
        { line: 4, key: 'username', reason: 'username: ast.esil.01 is already used on line 2' },
      ]);
    });

    it('allows several inspectors without a username', () => {
      const a = withColumn('username', '');
      const b = withColumn('personal_number', '999999', a);
      expect(parse(file(a, b)).errors).toEqual([]);
    });
  });

  describe('file-level errors', () => {
    it('reports an empty file', () => {
      expect(parse('')).toEqual({ rows: [], errors: [{ line: 1, reason: 'the file is empty' }] });
    });

    it('reports missing required columns on the header line and nothing else', () => {
      expect(parse('\n\npersonal_number,last_name,rank\n1,2,3\n')).toEqual({
        rows: [],
        errors: [{ line: 3, reason: 'missing required column(s): first_name, position, unit' }],
      });
    });

    it('reports unknown columns but still checks the rows', () => {
      const { rows, errors } = parse(
        `${HEADER},precinct\n${VALID},AST-ESL-01\n${withColumn('rank', 'x')},\n`,
      );
      expect(rows.map((r) => r.line)).toEqual([2]);
      expect(errors.map((e) => [e.line, e.key])).toEqual([
        [1, 'precinct'],
        [3, 'rank'],
      ]);
    });

    it('passes CSV errors on with their lines', () => {
      const { rows, errors } = parse(file(VALID, '1,2', OTHER));
      expect(rows.map((r) => r.line)).toEqual([2, 4]);
      expect(errors).toEqual([{ line: 3, reason: 'expected 12 fields, found 2' }]);
    });
  });
});
