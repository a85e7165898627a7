import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, isInputObjectType, isObjectType } from 'graphql';
import { supergraphSubgraphs, subgraphUrls } from './supergraph';

const sdl = `
enum join__Graph {
  CITIZEN_REQUESTS @join__graph(name: "citizen-requests", url: "http://127.0.0.1:4101/graphql")
  INSPECTOR_ROSTER @join__graph(name: "inspector-roster", url: "http://127.0.0.1:4102/graphql")
}`;

describe('supergraph subgraphs', () => {
  it('reads the subgraphs and their composed URLs', () => {
    expect(supergraphSubgraphs(sdl)).toEqual([
      { name: 'citizen-requests', url: 'http://127.0.0.1:4101/graphql' },
      { name: 'inspector-roster', url: 'http://127.0.0.1:4102/graphql' },
    ]);
  });

  it('routes each subgraph to the URL of its variable', () => {
    const urls = subgraphUrls(sdl, { 'citizen-requests': 'A_URL', 'inspector-roster': 'B_URL' }, { A_URL: 'http://a/graphql', B_URL: 'http://b/graphql' });
    expect([...urls]).toEqual([
      ['citizen-requests', 'http://a/graphql'],
      ['inspector-roster', 'http://b/graphql'],
    ]);
  });

  it('refuses a supergraph with a subgraph the gateway has no variable for', () => {
    expect(() => subgraphUrls(sdl, { 'citizen-requests': 'A_URL' }, { A_URL: 'http://a' })).toThrow('subgraph "inspector-roster" of the supergraph has no URL variable');
    expect(() => subgraphUrls('type Query { a: Int }', {}, {})).toThrow('declares no subgraphs');
  });
});

describe('the committed supergraph', () => {
  it('describes every type, field and argument of the API', () => {
    const schema = buildSchema(readFileSync(join(__dirname, '..', 'supergraph.graphql'), 'utf8'), { assumeValidSDL: true });
    const missing: string[] = [];
    let checked = 0;
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || type.name.startsWith('join__') || type.name.startsWith('link__')) continue;
      if (!isObjectType(type) && !isInputObjectType(type)) continue;
      if (!['Query', 'Mutation'].includes(type.name) && !type.description) missing.push(type.name);
      for (const field of Object.values(type.getFields())) {
        checked += 1;
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });
});
