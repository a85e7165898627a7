import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

const HEADER = "# Composed by `npm run supergraph` from the subgraphs' printSubgraphSchema output. Do not edit.\n";

/** `_service { sdl }` of a running subgraph (its printSubgraphSchema output). */
export async function fetchSubgraphSdl(graphqlUrl: string): Promise<string> {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const body = (await response.json()) as { data?: { _service?: { sdl?: string } }; errors?: { message: string }[] };
  const sdl = body.data?._service?.sdl;
  if (!sdl) throw new Error(`${graphqlUrl} gave no subgraph SDL: ${JSON.stringify(body.errors ?? body)}`);
  return sdl;
}

/**
 * Composes subgraph SDLs (Federation 2, `@apollo/composition`) into the supergraph text that is
 * committed, or throws every composition error. `url` is the URL baked into the supergraph.
 */
export function composeSupergraph(parts: { name: string; url: string; sdl: string }[]): string {
  const result = composeServices(parts.map((p) => ({ name: p.name, url: p.url, typeDefs: parse(p.sdl) })));
  if (result.errors?.length) throw new Error(`composition failed:\n  - ${result.errors.map((e) => e.message).join('\n  - ')}`);
  if (!result.supergraphSdl) throw new Error('composition produced no supergraph');
  return `${HEADER}${result.supergraphSdl.trimEnd()}\n`;
}
