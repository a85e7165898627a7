import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads a header and rows keyed by trimmed, lower-cased names, with line numbers', () => {
    const result = parseCsv(' Name , AGE\nAlice,30\nBob,41\n');
    expect(result).toEqual({
      header: ['name', 'age'],
      rows: [
        { line: 2, values: { name: 'Alice', age: '30' } },
        { line: 3, values: { name: 'Bob', age: '41' } },
      ],
      errors: [],
    });
  });

  it('keeps values as written (spaces are data)', () => {
    expect(parseCsv('a,b\n x , y\n').rows[0].values).toEqual({ a: ' x ', b: ' y' });
  });

  it('strips a UTF-8 byte order mark', () => {
    const result = parseCsv('\uFEFFcode,name\nAST-ESL-01,Есіл\n');
    expect(result.header).toEqual(['code', 'name']);
    expect(result.rows[0].values.code).toBe('AST-ESL-01');
  });

  it('accepts CRLF and CR line ends, and a last line without one', () => {
    expect(parseCsv('a,b\r\n1,2\r\n3,4').rows).toEqual([
      { line: 2, values: { a: '1', b: '2' } },
      { line: 3, values: { a: '3', b: '4' } },
    ]);
    expect(parseCsv('a\r1\r2').rows.map((r) => [r.line, r.values.a])).toEqual([
      [2, '1'],
      [3, '2'],
    ]);
  });

  it('reads quoted fields with delimiters, doubled quotes and empty values', () => {
    const result = parseCsv('a,b,c\n"x, y","say ""hi""",""\n');
    expect(result.rows).toEqual([{ line: 2, values: { a: 'x, y', b: 'say "hi"', c: '' } }]);
  });

  it('reads embedded line breaks and numbers each record by the line where it starts', () => {
    const text = 'a,b\n"line 1\nline 2\r\nline 3",x\n1,2\n"\n",3\n4,5\n';
    const result = parseCsv(text);
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      { line: 2, values: { a: 'line 1\nline 2\r\nline 3', b: 'x' } },
      { line: 5, values: { a: '1', b: '2' } },
      { line: 6, values: { a: '\n', b: '3' } },
      { line: 8, values: { a: '4', b: '5' } },
    ]);
  });

  it('skips blank lines, also before the header, keeping the line count', () => {
    const result = parseCsv('\n\na,b\n\n1,2\n   \n3,4\n\n');
    expect(result.header).toEqual(['a', 'b']);
    expect(result.rows.map((r) => r.line)).toEqual([5, 7]);
    expect(result.errors).toEqual([]);
  });

  it('keeps a row whose only field is a quoted empty string', () => {
    expect(parseCsv('a\n""\n').rows).toEqual([{ line: 2, values: { a: '' } }]);
  });

  it('reports a row with the wrong number of fields, with its line, and keeps going', () => {
    const result = parseCsv('a,b\n1,2\n1,2,3\n4\n5,6\n');
    expect(result.errors).toEqual([
      { line: 3, reason: 'expected 2 fields, found 3' },
      { line: 4, reason: 'expected 2 fields, found 1' },
    ]);
    expect(result.rows.map((r) => r.line)).toEqual([2, 5]);
  });

  it('reports an unterminated quote at the line where the record starts', () => {
    const result = parseCsv('a,b\n1,2\n3,"never closed\n4,5\n');
    expect(result.errors).toEqual([
      { line: 3, reason: 'unterminated quoted field (the quote opens on line 3)' },
    ]);
    expect(result.rows.map((r) => r.line)).toEqual([2]);
  });

  it('reports text after a closing quote and resumes on the next line', () => {
    const result = parseCsv('a,b\n"x"y,1\n2,3\n');
    expect(result.errors).toEqual([{ line: 2, reason: 'unexpected character "y" after a closing quote' }]);
    expect(result.rows).toEqual([{ line: 3, values: { a: '2', b: '3' } }]);
  });

  it('uses ; as the delimiter when the header has ; and no ,', () => {
    const result = parseCsv('code;name\nAST-ESL-01;"Есіл; орталық"\nAST-ESL-02;a,b\n');
    expect(result.header).toEqual(['code', 'name']);
    expect(result.rows.map((r) => r.values)).toEqual([
      { code: 'AST-ESL-01', name: 'Есіл; орталық' },
      { code: 'AST-ESL-02', name: 'a,b' },
    ]);
  });

  it('keeps , as the delimiter when the header has both', () => {
    expect(parseCsv('a;b,c\n1,2\n').header).toEqual(['a;b', 'c']);
  });

  it('reports empty and repeated header names', () => {
    expect(parseCsv('a,,A\n1,2,3\n').errors).toEqual([
      { line: 1, reason: 'column 2 of the header has no name' },
      { line: 1, reason: 'column "a" appears more than once in the header' },
    ]);
  });

  it('returns nothing for empty input', () => {
    expect(parseCsv('')).toEqual({ header: [], rows: [], errors: [] });
    expect(parseCsv('\uFEFF\n\n')).toEqual({ header: [], rows: [], errors: [] });
  });
});
