import { parsePrecinctCode } from './access';

describe('precinct codes', () => {
  it('splits a precinct code into region, district and number', () => {
    expect(parsePrecinctCode('AST-ESL-01')).toEqual({ id: 'AST-ESL-01', regionCode: 'AST', districtCode: 'AST-ESL', number: 1 });
  });

  it('refuses malformed codes', () => {
    for (const code of ['AST-ESL-1', 'ast-esl-01', 'AST-ESL-01-02', '', 'AST--01']) expect(parsePrecinctCode(code)).toBeUndefined();
  });
});
