import { parsePrecinctCode } from './territory';

describe('territory codes', () => {
  it('splits a precinct code into region, district and number', () => {
    expect(parsePrecinctCode('AST-ESL-01')).toEqual({ id: 'AST-ESL-01', regionCode: 'AST', districtCode: 'AST-ESL', number: 1 });
    expect(parsePrecinctCode('ALA-MED-101')).toEqual({ id: 'ALA-MED-101', regionCode: 'ALA', districtCode: 'ALA-MED', number: 101 });
  });

  it('refuses what is not a precinct code', () => {
    for (const code of ['AST-ESL-1', 'ast-esl-01', 'AST-ESL-01-02', '', 'AST--01', 'AST-ESL-1001']) expect(parsePrecinctCode(code)).toBeUndefined();
  });
});
