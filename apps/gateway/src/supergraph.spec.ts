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
