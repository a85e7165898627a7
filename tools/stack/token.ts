/**
 * `npm run -s token -- <username> [password]`: prints an access token of a user of the `seriktes`
 * realm (password grant through the public client `seriktes-console`), for curl and scripts.
 * `npm run -s token -- --client <clientId> [secret]`: a client-credentials token of a confidential
 * client (e.g. `partner-ast-akimat`; the secret defaults to identity-dev's `<clientId>-dev-secret`).
 * KEYCLOAK_URL (default http://127.0.0.1:8080) and KEYCLOAK_REALM (default seriktes) say where.
 * Demo users exist only in development (password `demo`); see README.md.
 */
export interface TokenRequest {
  keycloakUrl: string;
  realm: string;
  form: Record<string, string>;
  basicAuth?: { clientId: string; secret: string };
}

/** What to ask for, from the command line (throws a usage message on bad arguments). */
export function tokenRequest(args: string[], env: Record<string, string | undefined> = process.env): TokenRequest {
  const keycloakUrl = (env.KEYCLOAK_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
  const realm = env.KEYCLOAK_REALM || 'seriktes';
  if (args[0] === '--client') {
    const clientId = args[1];
    if (!clientId) throw new Error('usage: npm run -s token -- --client <clientId> [secret]');
    return { keycloakUrl, realm, form: { grant_type: 'client_credentials' }, basicAuth: { clientId, secret: args[2] ?? `${clientId}-dev-secret` } };
  }
  const username = args[0];
  if (!username || username.startsWith('-')) throw new Error('usage: npm run -s token -- <username> [password]   (demo users: hq, ast.head, ast.esil.01, ...)');
  return { keycloakUrl, realm, form: { grant_type: 'password', client_id: 'seriktes-console', username, password: args[1] ?? 'demo', scope: 'openid' } };
}

export async function fetchToken(request: TokenRequest): Promise<string> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (request.basicAuth) {
    headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(request.basicAuth.clientId)}:${encodeURIComponent(request.basicAuth.secret)}`).toString('base64')}`;
  }
  const url = `${request.keycloakUrl}/realms/${request.realm}/protocol/openid-connect/token`;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, body: new URLSearchParams(request.form).toString() });
  } catch (error) {
    throw new Error(`cannot reach ${url} (${(error as Error).message}): is \`npm start\` running?`);
  }
  const body = (await response.json().catch(() => ({}))) as { access_token?: string; error?: string; error_description?: string };
  if (!response.ok || !body.access_token) throw new Error(`${response.status} ${body.error ?? ''}: ${body.error_description ?? ''}`.trim());
  return body.access_token;
}

if (require.main === module) {
  (async () => {
    try {
      process.stdout.write(`${await fetchToken(tokenRequest(process.argv.slice(2)))}\n`);
    } catch (error) {
      process.stderr.write(`[token] ${(error as Error).message}\n`);
      process.exit(1);
    }
  })();
}
