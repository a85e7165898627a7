/** identity-dev over HTTP, in-process: Keycloak's paths, form encoding, statuses, headers and bodies. */
import { getJson } from '@seriktes/testing';
import { startInProcess, type InProcessIdentity } from '../src/testing';

let idp: InProcessIdentity;
let oidc: string;

beforeAll(async () => {
  idp = await startInProcess();
  oidc = `${idp.url}/realms/seriktes/protocol/openid-connect`;
});
afterAll(async () => {
  await idp?.close();
});

async function post(
  path: string,
  form: Record<string, string> | string,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${oidc}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: typeof form === 'string' ? form : new URLSearchParams(form).toString(),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: (text ? JSON.parse(text) : undefined) as Record<string, string>,
  };
}
const basic = (id: string, secret: string) => ({
  authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
});
const login = (username: string, extra: Record<string, string> = {}) =>
  post('/token', {
    grant_type: 'password',
    client_id: 'seriktes-console',
    username,
    password: 'demo',
    scope: 'openid',
    ...extra,
  });

describe('identity-dev over HTTP', () => {
  it('serves discovery, JWKS and realm info at Keycloak paths, with the issuer http://127.0.0.1:<port>/realms/seriktes', async () => {
    const issuer = `${idp.url}/realms/seriktes`;
    expect(idp.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const discovery = await getJson<Record<string, unknown>>(`${issuer}/.well-known/openid-configuration`);
    expect(discovery).toMatchObject({
      status: 200,
      body: { issuer, jwks_uri: `${oidc}/certs`, token_endpoint: `${oidc}/token` },
    });
    const certs = await getJson<{ keys: Array<Record<string, string>> }>(`${oidc}/certs`);
    expect(certs.body.keys).toEqual([
      { kid: idp.provider.key.kid, kty: 'RSA', alg: 'RS256', use: 'sig', n: expect.any(String), e: 'AQAB' },
    ]);
    expect((await getJson(issuer)).body).toMatchObject({
      realm: 'seriktes',
      public_key: idp.provider.key.publicKeyBase64,
    });
  });

  it('keeps the configured issuer when reached as localhost', async () => {
    const viaLocalhost = idp.url.replace('127.0.0.1', 'localhost');
    const discovery = await getJson<{ issuer: string }>(
      `${viaLocalhost}/realms/seriktes/.well-known/openid-configuration`,
    );
    expect(discovery.body.issuer).toBe(`${idp.url}/realms/seriktes`);
  });

  it('issues tokens for a form-encoded password grant, uncacheable JSON', async () => {
    const answer = await login('ast.esil.01');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 300,
      refresh_expires_in: 1800,
      scope: 'openid profile email',
    });
  });

  it('authenticates confidential clients by client_secret_basic and client_secret_post', async () => {
    expect(
      (
        await post(
          '/token',
          { grant_type: 'client_credentials' },
          basic('partner-hub', 'partner-hub-dev-secret'),
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await post('/token', {
          grant_type: 'client_credentials',
          client_id: 'partner-hub',
          client_secret: 'partner-hub-dev-secret',
        })
      ).status,
    ).toBe(200);
  });

  it.each([
    [
      'unknown client',
      { grant_type: 'client_credentials', client_id: 'ghost', client_secret: 'x' },
      {},
      401,
      'invalid_client',
      'Invalid client or Invalid client credentials',
    ],
    [
      'bad secret',
      { grant_type: 'client_credentials' },
      basic('gateway', 'wrong'),
      401,
      'unauthorized_client',
      'Invalid client or Invalid client credentials',
    ],
    [
      'wrong password',
      { grant_type: 'password', client_id: 'seriktes-console', username: 'hq', password: 'x' },
      {},
      401,
      'invalid_grant',
      'Invalid user credentials',
    ],
    [
      'unknown user',
      { grant_type: 'password', client_id: 'seriktes-console', username: 'ghost', password: 'demo' },
      {},
      401,
      'invalid_grant',
      'Invalid user credentials',
    ],
    [
      'password grant without direct grants',
      { grant_type: 'password', username: 'hq', password: 'demo' },
      basic('inspector-roster', 'inspector-roster-dev-secret'),
      400,
      'unauthorized_client',
      'Client not allowed for direct access grants',
    ],
    [
      'client_credentials on a public client',
      { grant_type: 'client_credentials', client_id: 'seriktes-console' },
      {},
      401,
      'unauthorized_client',
      'Public client not allowed to retrieve service account',
    ],
    [
      'unsupported grant',
      { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', client_id: 'seriktes-console' },
      {},
      400,
      'unsupported_grant_type',
      'Unsupported grant_type',
    ],
    [
      'missing grant_type',
      { client_id: 'seriktes-console' },
      {},
      400,
      'invalid_request',
      'Missing form parameter: grant_type',
    ],
    [
      'missing refresh_token',
      { grant_type: 'refresh_token', client_id: 'seriktes-console' },
      {},
      400,
      'invalid_request',
      'No refresh token',
    ],
  ])('answers %s like Keycloak', async (_name, form, headers, status, error, description) => {
    const answer = await post('/token', form, headers);
    expect({ status: answer.status, body: answer.body }).toEqual({
      status,
      body: { error, error_description: description },
    });
  });

  it('reads only form-encoded bodies, as Keycloak does', async () => {
    const response = await fetch(`${oidc}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: 'gateway',
        client_secret: 'gateway-dev-secret',
      }),
    });
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 400,
      body: { error: 'invalid_request', error_description: 'Missing form parameter: grant_type' },
    });
  });

  it('rejects a duplicated parameter', async () => {
    const answer = await post('/token', 'grant_type=password&grant_type=password&client_id=seriktes-console');
    expect({ status: answer.status, body: answer.body }).toEqual({
      status: 400,
      body: { error: 'invalid_request', error_description: 'duplicated parameter' },
    });
  });

  it('refreshes, introspects, answers userinfo (GET and POST) and logs out with 204', async () => {
    const tokens = (await login('ast.head')).body;
    const refreshed = await post('/token', {
      grant_type: 'refresh_token',
      client_id: 'seriktes-console',
      refresh_token: tokens.refresh_token,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.session_state).toBe(tokens.session_state);

    const introspection = await post(
      '/token/introspect',
      { token: refreshed.body.access_token },
      basic('gateway', 'gateway-dev-secret'),
    );
    expect(introspection.body).toMatchObject({
      active: true,
      preferred_username: 'ast.head',
      region_code: 'AST',
      client_id: 'seriktes-console',
    });

    const userinfo = await getJson<Record<string, string>>(`${oidc}/userinfo`, {
      authorization: `Bearer ${tokens.access_token}`,
    });
    expect(userinfo).toMatchObject({
      status: 200,
      body: { preferred_username: 'ast.head', region_code: 'AST', sub: expect.any(String) },
    });
    const userinfoPost = await post('/userinfo', { access_token: tokens.access_token });
    expect(userinfoPost.body.preferred_username).toBe('ast.head');

    const logout = await post('/logout', {
      client_id: 'seriktes-console',
      refresh_token: refreshed.body.refresh_token,
    });
    expect({ status: logout.status, text: logout.text }).toEqual({ status: 204, text: '' });
    const after = await post('/token', {
      grant_type: 'refresh_token',
      client_id: 'seriktes-console',
      refresh_token: tokens.refresh_token,
    });
    expect({ status: after.status, body: after.body }).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Session not active' },
    });
    expect(
      (
        await post(
          '/token/introspect',
          { token: tokens.access_token },
          basic('gateway', 'gateway-dev-secret'),
        )
      ).body,
    ).toEqual({ active: false });
    const userinfoAfter = await fetch(`${oidc}/userinfo`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(userinfoAfter.status).toBe(401);
    expect(userinfoAfter.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('answers 404 "Realm does not exist" for another realm', async () => {
    const answer = await getJson(`${idp.url}/realms/master/protocol/openid-connect/certs`);
    expect(answer).toEqual({ status: 404, body: { error: 'Realm does not exist' } });
    const token = await fetch(`${idp.url}/realms/master/protocol/openid-connect/token`, { method: 'POST' });
    expect({ status: token.status, body: await token.json() }).toEqual({
      status: 404,
      body: { error: 'Realm does not exist' },
    });
  });

  it('has /health, /health/live and /metrics like every app', async () => {
    expect(await getJson(`${idp.url}/health`)).toMatchObject({
      status: 200,
      body: { status: 'ok', service: 'identity-dev' },
    });
    expect(await getJson(`${idp.url}/health/live`)).toEqual({ status: 200, body: { status: 'ok' } });
    const metrics = await (await fetch(`${idp.url}/metrics`)).text();
    expect(metrics).toContain('http_request_duration_seconds');
  });
});
