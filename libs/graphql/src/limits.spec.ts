import { buildSchema, parse, validate } from 'graphql';
import { QUERY_TOO_COSTLY, QUERY_TOO_DEEP, queryLimitsRule } from './limits';

const schema = buildSchema(`
  type Query { precinct(id: ID!): Precinct, precincts(first: Int): [Precinct!]! }
  type Precinct { id: ID!, requests(first: Int): [Request!]!, neighbour: Precinct }
  type Request { id: ID!, precinct: Precinct! }
`);

const check = (query: string, limits = { maxDepth: 4, maxCost: 100 }, variables: Record<string, unknown> = {}) =>
  validate(schema, parse(query), [queryLimitsRule(limits, variables)]).map((e) => ({ message: e.message, code: e.extensions.code }));

describe('query limits', () => {
  it('accepts queries within both limits', () => {
    expect(check('{ precinct(id: "AST-ESL-01") { id requests(first: 10) { id } } }')).toEqual([]);
  });

  it('refuses a query deeper than the limit, also through fragments', () => {
    const deep = '{ precinct(id: "x") { neighbour { neighbour { neighbour { id } } } } }';
    expect(check(deep)).toEqual([{ code: QUERY_TOO_DEEP, message: 'anonymous operation is 5 levels deep; the limit is 4. Split it into smaller queries.' }]);
    const viaFragment = 'query Q { precinct(id: "x") { ...N } } fragment N on Precinct { neighbour { neighbour { neighbour { neighbour { id } } } } }';
    expect(check(viaFragment)[0]?.code).toBe(QUERY_TOO_DEEP);
    expect(check('{ precinct(id: "x") { __typename neighbour { id } } }')).toEqual([]);
  });

  it('refuses a query whose pages multiply past the cost limit', () => {
    // 1 + 50 * (1 + 10 * (1 + 2)) = 1551
    const wide = '{ precincts(first: 50) { requests(first: 10) { id precinct { id } } } }';
    const errors = check(wide, { maxDepth: 10, maxCost: 1000 });
    expect(errors).toHaveLength(1);
    expect(errors[0].code).toBe(QUERY_TOO_COSTLY);
    expect(errors[0].message).toContain('up to 1551 fields; the limit is 1000');
    expect(check(wide, { maxDepth: 10, maxCost: 1600 })).toEqual([]);
  });

  it('reads page sizes from variables and assumes a default page when first is absent', () => {
    const query = 'query P($n: Int) { precincts(first: $n) { id } }';
    expect(check(query, { maxDepth: 5, maxCost: 30 }, { n: 40 })[0]?.code).toBe(QUERY_TOO_COSTLY);
    expect(check(query, { maxDepth: 5, maxCost: 30 }, { n: 5 })).toEqual([]);
    // 1 + 20 (default page) * 1 = 21
    expect(check('{ precincts { id } }', { maxDepth: 5, maxCost: 20 })[0]?.code).toBe(QUERY_TOO_COSTLY);
    expect(check('{ precincts { id } }', { maxDepth: 5, maxCost: 21 })).toEqual([]);
    expect(check('{ precinct(id: "x") { id } }', { maxDepth: 5, maxCost: 2 })).toEqual([]);
  });
});
