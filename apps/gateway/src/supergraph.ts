/**
 * Reading the committed supergraph: its subgraphs (name and URL baked in at composition) and the
 * URL each one is reached at here (its `<NAME>_URL` variable wins).
 */
export interface SubgraphEndpoint {
  name: string;
  url: string;
}

/** Subgraphs declared in a supergraph's `join__Graph` enum. */
export function supergraphSubgraphs(supergraphSdl: string): SubgraphEndpoint[] {
  const found: SubgraphEndpoint[] = [];
  const pattern = /@join__graph\(name:\s*"([^"]+)",\s*url:\s*"([^"]*)"\)/g;
  for (let match = pattern.exec(supergraphSdl); match; match = pattern.exec(supergraphSdl)) found.push({ name: match[1], url: match[2] });
  return found;
}

/** The URL of every subgraph: from the variables map, or a clear error naming what is missing. */
export function subgraphUrls(supergraphSdl: string, urlVariables: Record<string, string>, config: Record<string, unknown>): Map<string, string> {
  const urls = new Map<string, string>();
  const problems: string[] = [];
  for (const { name } of supergraphSubgraphs(supergraphSdl)) {
    const variable = urlVariables[name];
    const url = variable ? config[variable] : undefined;
    if (typeof url !== 'string') problems.push(`subgraph "${name}" of the supergraph has no URL variable in apps/gateway/src/config.ts (subgraphs)`);
    else urls.set(name, url);
  }
  if (!urls.size && !problems.length) problems.push('the supergraph declares no subgraphs');
  if (problems.length) throw new Error(problems.join('; '));
  return urls;
}
