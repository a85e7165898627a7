import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { loadSigningKey } from './keys';
import { environmentResolver } from './placeholders';
import { IdentityProvider, type OidcAnswer, type OidcRequest } from './provider';
import { parseRealm } from './realm';
import { SERVICE_CLIENTS } from '@seriktes/auth';
import { DEMO_USERS } from '@seriktes/testing';

const REALM_TEXT = readFileSync(
  join(__dirname, '..', '..', '..', '..', 'deploy', 'keycloak', 'seriktes-realm.json'),
  'utf8',
);
const BASE = 'http://127.0.0.1:8080';
const ISSUER = `${BASE}/realms/seriktes`;
const SERVICES = [...SERVICE_CLIENTS];
const START = Date.UTC(2026, 10, 22, 6, 0, 0);

let now = START;
const key = loadSigningKey();

function provider(
  options: { env?: Record<string, string>; edit?: (realm: Record<string, unknown>) => void } = {},
): IdentityProvider {
  const json = JSON.parse(REALM_TEXT) as Record<string, unknown>;
  options.edit?.(json);
  return new IdentityProvider({
    realm: parseRealm(JSON.stringify(json), environmentResolver(options.env ?? {})),
    key,
    clock: () => now,
  });
}

const request = (form: Record<string, unknown>, extra: Partial<OidcRequest> = {}): OidcRequest => ({
  realm: 'seriktes',
  baseUrl: BASE,
  clientAddress: '::ffff:127.0.0.1',
  form,
  ...extra,
});
const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
const claims = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
const body = (answer: OidcAnswer) => answer.body as Record<string, string & number>;
const password = (p: IdentityProvider, username: string, extra: Record<string, string> = {}) =>
  p.token(
    request({ grant_type: 'password', client_id: 'seriktes-console', username, password: 'demo', ...extra }),
  );
const clientCredentials = (p: IdentityProvider, clientId: string, extra: Record<string, string> = {}) =>
  p.token(
    request({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: `${clientId}-dev-secret`,
      ...extra,
    }),
  );

beforeEach(() => {
  now = START;
});

describe('password grant', () => {
  const idp = provider();

  it('issues Keycloak-shaped access, ID and refresh tokens signed RS256 with the published key', async () => {
    const answer = await password(idp, 'ast.esil.01', { scope: 'openid' });
    expect(answer.status).toBe(200);
    expect(answer.headers).toMatchObject({ 'cache-control': 'no-store' });
    const tokens = body(answer);
    expect(Object.keys(tokens)).toEqual([
      'access_token',
      'expires_in',
      'refresh_expires_in',
      'refresh_token',
      'token_type',
      'id_token',
      'not-before-policy',
      'session_state',
      'scope',
    ]);
    expect(tokens).toMatchObject({
      expires_in: 300,
      refresh_expires_in: 1800,
      token_type: 'Bearer',
      'not-before-policy': 0,
      scope: 'openid profile email',
    });

    const jwks = createLocalJWKSet(body(idp.certs(request({}))) as never);
    for (const token of [tokens.access_token, tokens.id_token, tokens.refresh_token]) {
      expect(decodeProtectedHeader(token)).toEqual({ alg: 'RS256', typ: 'JWT', kid: key.kid });
      await expect(
        jwtVerify(token, jwks, { issuer: ISSUER, currentDate: new Date(now) }),
      ).resolves.toBeDefined();
    }

    const iat = Math.floor(START / 1000);
    const user = JSON.parse(REALM_TEXT).users.find(
      (u: { username: string }) => u.username === 'ast.esil.01',
    ) as { id: string };
    const access = claims(tokens.access_token);
    expect(access).toEqual({
      exp: iat + 300,
      iat,
      auth_time: iat,
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
      iss: ISSUER,
      aud: [...SERVICES, 'account'],
      sub: user.id,
      typ: 'Bearer',
      azp: 'seriktes-console',
      sid: tokens.session_state,
      acr: '1',
      'allowed-origins': ['http://127.0.0.1:4000', 'http://localhost:4000'],
      realm_access: {
        roles: ['district_inspector', 'default-roles-seriktes', 'offline_access', 'uma_authorization'],
      },
      resource_access: { account: { roles: ['view-profile', 'manage-account', 'manage-account-links'] } },
      scope: 'openid profile email',
      email_verified: true,
      name: 'Айгерім Сұлтанова',
      preferred_username: 'ast.esil.01',
      given_name: 'Айгерім',
      family_name: 'Сұлтанова',
      email: 'ast.esil.01@seriktes.example',
      region_code: 'AST',
      district_code: 'AST-ESL',
      precinct_code: 'AST-ESL-01',
    });
    expect(claims(tokens.id_token)).toMatchObject({
      typ: 'ID',
      aud: 'seriktes-console',
      azp: 'seriktes-console',
      sub: user.id,
      sid: tokens.session_state,
      at_hash: expect.any(String),
      precinct_code: 'AST-ESL-01',
      exp: iat + 300,
    });
    expect(claims(tokens.id_token)).not.toHaveProperty('realm_access');
    expect(claims(tokens.refresh_token)).toEqual({
      exp: iat + 1800,
      iat,
      jti: expect.any(String),
      iss: ISSUER,
      aud: ISSUER,
      sub: user.id,
      typ: 'Refresh',
      azp: 'seriktes-console',
      sid: tokens.session_state,
      scope: 'openid web-origins acr profile roles basic email',
    });
  });

  it('has no ID token and scope "profile email" without scope=openid', async () => {
    const tokens = body(await password(idp, 'hq'));
    expect(tokens.id_token).toBeUndefined();
    expect(tokens.scope).toBe('profile email');
    expect(claims(tokens.access_token).scope).toBe('profile email');
  });

  it.each(DEMO_USERS.map(([username, role, attributes]) => [username, role, attributes] as const))('logs demo user %s in with role %s and exactly the scope claims %j', async (username, role, scope) => {
    const access = claims(body(await password(idp, username)).access_token);
    expect((access.realm_access as { roles: string[] }).roles).toEqual([
      role,
      'default-roles-seriktes',
      'offline_access',
      'uma_authorization',
    ]);
    const attributeClaims = Object.fromEntries(
      ['region_code', 'district_code', 'precinct_code', 'partner_org_id']
        .filter((c) => c in access)
        .map((c) => [c, access[c]]),
    );
    expect(attributeClaims).toEqual(scope);
    expect(access.preferred_username).toBe(username);
  });

  it('accepts the e-mail address as login and any case of the username', async () => {
    expect((await password(idp, 'AST.Esil.01')).status).toBe(200);
    expect(
      claims(body(await password(idp, 'ast.head@seriktes.example')).access_token).preferred_username,
    ).toBe('ast.head');
  });

  it('caps the access token at the session maximum', async () => {
    const p = provider({ edit: (r) => Object.assign(r, { ssoSessionMaxLifespan: 120 }) });
    const tokens = body(await password(p, 'hq'));
    expect(tokens.expires_in).toBe(120);
    expect(tokens.refresh_expires_in).toBe(120);
  });

  it('takes lifetimes from the realm file', async () => {
    const p = provider({
      edit: (r) => Object.assign(r, { accessTokenLifespan: 60, ssoSessionIdleTimeout: 600 }),
    });
    const tokens = body(await password(p, 'hq'));
    expect(tokens.expires_in).toBe(60);
    expect(tokens.refresh_expires_in).toBe(600);
    expect(claims(tokens.access_token).exp).toBe(Math.floor(START / 1000) + 60);
  });

  it('maps the attribute claims the realm file declares, not a fixed list', async () => {
    const p = provider({
      edit: (r) => {
        const console = (
          r.clients as Array<{
            clientId: string;
            protocolMappers: Array<{ name: string; config: Record<string, string> }>;
          }>
        ).find((c) => c.clientId === 'seriktes-console')!;
        console.protocolMappers = console.protocolMappers.filter((m) => m.name !== 'district_code');
        console.protocolMappers.find((m) => m.name === 'precinct_code')!.config['claim.name'] =
          'jurisdiction.precinct';
        console.protocolMappers.find((m) => m.name === 'region_code')!.config['access.token.claim'] = 'false';
      },
    });
    const access = claims(body(await password(p, 'ast.esil.01')).access_token);
    expect(access).not.toHaveProperty('district_code');
    expect(access).not.toHaveProperty('precinct_code');
    expect(access).not.toHaveProperty('region_code');
    expect(access.jurisdiction).toEqual({ precinct: 'AST-ESL-01' });
  });
});

describe('client credentials grant', () => {
  const idp = provider();

  it.each(SERVICES)(
    'gives %s a service-account token with platform_service, no session and no refresh token',
    async (clientId) => {
      const answer = await clientCredentials(idp, clientId);
      expect(answer.status).toBe(200);
      const tokens = body(answer);
      expect(Object.keys(tokens)).toEqual([
        'access_token',
        'expires_in',
        'refresh_expires_in',
        'token_type',
        'not-before-policy',
        'scope',
      ]);
      expect(tokens).toMatchObject({
        expires_in: 300,
        refresh_expires_in: 0,
        token_type: 'Bearer',
        scope: 'profile email',
      });
      const access = claims(tokens.access_token);
      expect(access).toMatchObject({
        typ: 'Bearer',
        azp: clientId,
        aud: [...SERVICES, 'account'],
        preferred_username: `service-account-${clientId}`,
        client_id: clientId,
        clientHost: '127.0.0.1',
        clientAddress: '127.0.0.1',
        email_verified: false,
        acr: '1',
        realm_access: {
          roles: ['platform_service', 'default-roles-seriktes', 'offline_access', 'uma_authorization'],
        },
      });
      expect(access).not.toHaveProperty('sid');
      expect(access).not.toHaveProperty('auth_time');
      expect(access).not.toHaveProperty('name');
    },
  );

  it('carries the partner role and scope attributes of the Astana akimat, and an ID token with scope=openid', async () => {
    const tokens = body(await clientCredentials(idp, 'partner-ast-akimat', { scope: 'openid' }));
    expect(claims(tokens.access_token)).toMatchObject({
      azp: 'partner-ast-akimat',
      region_code: 'AST',
      partner_org_id: 'ast-akimat',
      realm_access: { roles: ['partner', 'default-roles-seriktes', 'offline_access', 'uma_authorization'] },
      scope: 'openid profile email',
    });
    expect(claims(tokens.id_token)).toMatchObject({ typ: 'ID', aud: 'partner-ast-akimat' });
    expect(claims(tokens.id_token)).not.toHaveProperty('sid');
  });

  it('authenticates with client_secret_basic, form-encoded as RFC 6749 says', async () => {
    const p = provider({ env: { SERIKTES_CLIENT_SECRET_GATEWAY: 'p@ss word:+/=' } });
    const answer = await p.token(
      request({ grant_type: 'client_credentials' }, { authorization: basic('gateway', 'p@ss word:+/=') }),
    );
    expect(answer.status).toBe(200);
  });

  it('lets form parameters override the Basic header, as Keycloak does', async () => {
    const answer = await idp.token(
      request(
        { grant_type: 'client_credentials', client_id: 'gateway', client_secret: 'gateway-dev-secret' },
        { authorization: basic('gateway', 'wrong') },
      ),
    );
    expect(answer.status).toBe(200);
  });

  it('uses the secret from SERIKTES_CLIENT_SECRET_<CLIENT> instead of the development secret when it is set', async () => {
    const p = provider({ env: { SERIKTES_CLIENT_SECRET_CITIZEN_REQUESTS: 'from-env' } });
    expect((await clientCredentials(p, 'citizen-requests')).status).toBe(401);
    expect((await clientCredentials(p, 'citizen-requests', { client_secret: 'from-env' })).status).toBe(200);
    expect((await clientCredentials(p, 'inspector-roster')).status).toBe(200);
  });
});

describe("Keycloak's error answers", () => {
  const idp = provider();
  const cases: Array<[string, () => Promise<OidcAnswer>, number, Record<string, string>]> = [
    [
      'unknown client',
      () => idp.token(request({ grant_type: 'client_credentials', client_id: 'nobody', client_secret: 'x' })),
      401,
      { error: 'invalid_client', error_description: 'Invalid client or Invalid client credentials' },
    ],
    [
      'no client at all',
      () => idp.token(request({ grant_type: 'client_credentials' })),
      401,
      { error: 'invalid_client', error_description: 'Invalid client or Invalid client credentials' },
    ],
    [
      'bad secret (Keycloak 26 answers unauthorized_client)',
      () => clientCredentials(idp, 'gateway', { client_secret: 'wrong' }),
      401,
      { error: 'unauthorized_client', error_description: 'Invalid client or Invalid client credentials' },
    ],
    [
      'confidential client without a secret',
      () => idp.token(request({ grant_type: 'client_credentials', client_id: 'gateway' })),
      401,
      { error: 'unauthorized_client', error_description: 'Client secret not provided in request' },
    ],
    [
      'wrong password',
      () => password(idp, 'ast.analyst', { password: 'nope' }),
      401,
      { error: 'invalid_grant', error_description: 'Invalid user credentials' },
    ],
    [
      'unknown user',
      () => password(idp, 'nobody'),
      401,
      { error: 'invalid_grant', error_description: 'Invalid user credentials' },
    ],
    [
      'service account with a password grant',
      () => password(idp, 'service-account-gateway'),
      401,
      { error: 'invalid_grant', error_description: 'Invalid user credentials' },
    ],
    [
      'password grant without username',
      () => idp.token(request({ grant_type: 'password', client_id: 'seriktes-console', password: 'demo' })),
      401,
      { error: 'invalid_request', error_description: 'Missing parameter: username' },
    ],
    [
      'password grant on a client without direct grants',
      () =>
        idp.token(
          request({
            grant_type: 'password',
            client_id: 'gateway',
            client_secret: 'gateway-dev-secret',
            username: 'hq',
            password: 'demo',
          }),
        ),
      400,
      { error: 'unauthorized_client', error_description: 'Client not allowed for direct access grants' },
    ],
    [
      'client_credentials on a public client',
      () => idp.token(request({ grant_type: 'client_credentials', client_id: 'seriktes-console' })),
      401,
      {
        error: 'unauthorized_client',
        error_description: 'Public client not allowed to retrieve service account',
      },
    ],
    [
      'unsupported grant',
      () => idp.token(request({ grant_type: 'authorization_code', client_id: 'seriktes-console' })),
      400,
      { error: 'unsupported_grant_type', error_description: 'Unsupported grant_type' },
    ],
    [
      'missing grant_type',
      () => idp.token(request({ client_id: 'seriktes-console' })),
      400,
      { error: 'invalid_request', error_description: 'Missing form parameter: grant_type' },
    ],
    [
      'missing refresh_token',
      () => idp.token(request({ grant_type: 'refresh_token', client_id: 'seriktes-console' })),
      400,
      { error: 'invalid_request', error_description: 'No refresh token' },
    ],
    [
      'garbage refresh_token',
      () =>
        idp.token(
          request({ grant_type: 'refresh_token', client_id: 'seriktes-console', refresh_token: 'a.b.c' }),
        ),
      400,
      { error: 'invalid_grant', error_description: 'Invalid refresh token' },
    ],
    [
      'duplicated parameter',
      () => idp.token(request({ grant_type: ['password', 'password'], client_id: 'seriktes-console' })),
      400,
      { error: 'invalid_request', error_description: 'duplicated parameter' },
    ],
    [
      'unknown scope',
      () => password(idp, 'hq', { scope: 'openid admin' }),
      400,
      { error: 'invalid_scope', error_description: 'Invalid scopes: openid admin' },
    ],
    [
      'unknown realm',
      () => idp.token(request({ grant_type: 'password' }, { realm: 'master' })),
      404,
      { error: 'Realm does not exist' },
    ],
  ];

  it.each(cases)('%s', async (_name, call, status, expected) => {
    const answer = await call();
    expect({ status: answer.status, body: answer.body }).toEqual({ status, body: expected });
  });

  it('answers every endpoint of an unknown realm with 404 "Realm does not exist"', async () => {
    const other = request({}, { realm: 'other' });
    for (const answer of [
      idp.discovery(other),
      idp.certs(other),
      idp.realmInfo(other),
      await idp.userinfo(other),
      await idp.introspect(other),
      await idp.logout(other),
    ]) {
      expect({ status: answer.status, body: answer.body }).toEqual({
        status: 404,
        body: { error: 'Realm does not exist' },
      });
    }
  });

  it('locks a user out for a while after failureFactor wrong passwords (brute-force protection)', async () => {
    const p = provider({ edit: (r) => Object.assign(r, { failureFactor: 3, waitIncrementSeconds: 60 }) });
    for (let i = 0; i < 3; i++)
      expect((await password(p, 'ast.head', { password: 'wrong' })).status).toBe(401);
    expect(body(await password(p, 'ast.head'))).toEqual({
      error: 'invalid_grant',
      error_description: 'Invalid user credentials',
    });
    expect((await password(p, 'ast.analyst')).status).toBe(200);
    now += 61_000;
    expect((await password(p, 'ast.head')).status).toBe(200);
    expect((await password(p, 'ast.head', { password: 'wrong' })).status).toBe(401);
    expect((await password(p, 'ast.head')).status).toBe(200);
  });
});

describe('refresh and logout', () => {
  const idp = provider();

  it('refreshes within the session: same sid, new tokens, ID token again with openid', async () => {
    const first = body(await password(idp, 'ast.esil.02', { scope: 'openid' }));
    now += 200_000;
    const answer = await idp.token(
      request({
        grant_type: 'refresh_token',
        client_id: 'seriktes-console',
        refresh_token: first.refresh_token,
      }),
    );
    expect(answer.status).toBe(200);
    const second = body(answer);
    expect(second.session_state).toBe(first.session_state);
    expect(second.id_token).toBeDefined();
    expect(second.scope).toBe('openid profile email');
    const access = claims(second.access_token);
    expect(access).toMatchObject({
      sid: first.session_state,
      iat: Math.floor(START / 1000) + 200,
      precinct_code: 'AST-ESL-02',
    });
  });

  it('keeps an idle session alive by refreshing, and ends it after the idle timeout', async () => {
    let refresh = body(await password(idp, 'hq')).refresh_token;
    for (let i = 0; i < 3; i++) {
      now += 1_700_000;
      const answer = await idp.token(
        request({ grant_type: 'refresh_token', client_id: 'seriktes-console', refresh_token: refresh }),
      );
      expect(answer.status).toBe(200);
      refresh = body(answer).refresh_token;
    }
    now += 1_801_000;
    const expired = await idp.token(
      request({ grant_type: 'refresh_token', client_id: 'seriktes-console', refresh_token: refresh }),
    );
    expect({ status: expired.status, body: expired.body }).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Token is not active' },
    });
  });

  it('refuses a refresh token presented by another client', async () => {
    const tokens = body(await password(idp, 'hq'));
    const answer = await idp.token(
      request({
        grant_type: 'refresh_token',
        client_id: 'gateway',
        client_secret: 'gateway-dev-secret',
        refresh_token: tokens.refresh_token,
      }),
    );
    expect(answer.body).toEqual({ error: 'invalid_grant', error_description: 'Unmatching clients' });
  });

  it('ends the session on logout: 204, then refresh fails with "Session not active" and introspection says inactive', async () => {
    const tokens = body(await password(idp, 'ast.commission'));
    const introspect = () =>
      idp.introspect(
        request({ token: tokens.access_token }, { authorization: basic('gateway', 'gateway-dev-secret') }),
      );
    expect(body(await introspect()).active).toBe(true);
    const logout = await idp.logout(
      request({ client_id: 'seriktes-console', refresh_token: tokens.refresh_token }),
    );
    expect(logout).toEqual({ status: 204, headers: expect.any(Object) });
    const refreshed = await idp.token(
      request({
        grant_type: 'refresh_token',
        client_id: 'seriktes-console',
        refresh_token: tokens.refresh_token,
      }),
    );
    expect({ status: refreshed.status, body: refreshed.body }).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Session not active' },
    });
    expect((await introspect()).body).toEqual({ active: false });
  });

  it('needs a refresh token of the same client to log out', async () => {
    const tokens = body(await password(idp, 'hq'));
    expect((await idp.logout(request({ client_id: 'seriktes-console' }))).body).toEqual({
      error: 'invalid_request',
      error_description: 'No refresh token',
    });
    expect(
      (await idp.logout(request({ client_id: 'seriktes-console', refresh_token: tokens.access_token }))).body,
    ).toEqual({
      error: 'invalid_grant',
      error_description: 'Invalid refresh token',
    });
    const other = await idp.logout(
      request({
        client_id: 'gateway',
        client_secret: 'gateway-dev-secret',
        refresh_token: tokens.refresh_token,
      }),
    );
    expect(other.body).toEqual({ error: 'invalid_grant', error_description: 'Unmatching clients' });
    expect(
      (
        await idp.token(
          request({
            grant_type: 'refresh_token',
            client_id: 'seriktes-console',
            refresh_token: tokens.refresh_token,
          }),
        )
      ).status,
    ).toBe(200);
  });
});

describe('introspection', () => {
  const idp = provider();
  const introspect = (
    token: string | undefined,
    authorization = basic('citizen-requests', 'citizen-requests-dev-secret'),
  ) => idp.introspect(request(token === undefined ? {} : { token }, { authorization }));

  it('answers the token claims with active:true for a valid access or refresh token', async () => {
    const tokens = body(await password(idp, 'ast.esil.01'));
    const answer = body(await introspect(tokens.access_token));
    expect(answer).toMatchObject({
      ...claims(tokens.access_token),
      active: true,
      client_id: 'seriktes-console',
      username: 'ast.esil.01',
      token_type: 'Bearer',
    });
    expect(body(await introspect(tokens.refresh_token))).toMatchObject({
      active: true,
      token_type: 'Refresh',
    });
    const service = body(await clientCredentials(idp, 'gateway')).access_token;
    expect(body(await introspect(service))).toMatchObject({
      active: true,
      client_id: 'gateway',
      username: 'service-account-gateway',
    });
  });

  it('says inactive for expired, foreign, ID or garbage tokens', async () => {
    const tokens = body(await password(idp, 'ast.esil.01', { scope: 'openid' }));
    expect((await introspect(tokens.id_token)).body).toEqual({ active: false });
    expect((await introspect('garbage')).body).toEqual({ active: false });
    const elsewhere = await new IdentityProvider({
      realm: idp.realm,
      key: loadSigningKey(),
      clock: () => now,
    }).token(
      request({ grant_type: 'password', client_id: 'seriktes-console', username: 'hq', password: 'demo' }),
    );
    expect((await introspect(body(elsewhere).access_token)).body).toEqual({ active: false });
    now += 301_000;
    expect((await introspect(tokens.access_token)).body).toEqual({ active: false });
  });

  it('needs a confidential client and a token', async () => {
    expect(await introspect('x', '')).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    const asPublic = await idp.introspect(request({ token: 'x', client_id: 'seriktes-console' }));
    expect({ status: asPublic.status, body: asPublic.body }).toEqual({
      status: 403,
      body: { error: 'invalid_request', error_description: 'Client not allowed.' },
    });
    expect(await introspect(undefined)).toMatchObject({
      status: 400,
      body: { error: 'invalid_request', error_description: 'Token not provided' },
    });
  });
});

describe('userinfo', () => {
  const idp = provider();

  it('answers the user claims for a valid access token with the openid scope', async () => {
    const tokens = body(await password(idp, 'ast.akimat', { scope: 'openid' }));
    const answer = await idp.userinfo(request({}, { authorization: `Bearer ${tokens.access_token}` }));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      sub: claims(tokens.access_token).sub,
      email_verified: true,
      name: 'Асхат Нұрпейісов',
      preferred_username: 'ast.akimat',
      given_name: 'Асхат',
      family_name: 'Нұрпейісов',
      email: 'ast.akimat@seriktes.example',
      region_code: 'AST',
      partner_org_id: 'ast-akimat',
    });
  });

  it('refuses missing, invalid, ID, logged-out and non-openid tokens', async () => {
    const tokens = body(await password(idp, 'hq', { scope: 'openid' }));
    expect(await idp.userinfo(request({}))).toMatchObject({
      status: 401,
      body: { error: 'invalid_request' },
    });
    expect(await idp.userinfo(request({}, { authorization: 'Bearer nope' }))).toMatchObject({
      status: 401,
      body: { error: 'invalid_token', error_description: 'Token verification failed' },
      headers: { 'www-authenticate': expect.stringContaining('error="invalid_token"') },
    });
    expect(await idp.userinfo(request({}, { authorization: `Bearer ${tokens.id_token}` }))).toMatchObject({
      status: 401,
    });
    const withoutOpenid = body(await password(idp, 'hq')).access_token;
    expect(await idp.userinfo(request({}, { authorization: `Bearer ${withoutOpenid}` }))).toMatchObject({
      status: 403,
      body: { error: 'insufficient_scope', error_description: 'Missing openid scope' },
    });
    await idp.logout(request({ client_id: 'seriktes-console', refresh_token: tokens.refresh_token }));
    expect(await idp.userinfo(request({}, { authorization: `Bearer ${tokens.access_token}` }))).toMatchObject(
      { status: 401 },
    );
  });
});

describe('discovery and keys', () => {
  const idp = provider();

  it('publishes the issuer, endpoints and the one signing key', () => {
    expect(body(idp.discovery(request({})))).toMatchObject({
      issuer: ISSUER,
      token_endpoint: `${ISSUER}/protocol/openid-connect/token`,
      introspection_endpoint: `${ISSUER}/protocol/openid-connect/token/introspect`,
      userinfo_endpoint: `${ISSUER}/protocol/openid-connect/userinfo`,
      end_session_endpoint: `${ISSUER}/protocol/openid-connect/logout`,
      jwks_uri: `${ISSUER}/protocol/openid-connect/certs`,
      grant_types_supported: ['password', 'client_credentials', 'refresh_token'],
      id_token_signing_alg_values_supported: ['RS256'],
      claims_supported: expect.arrayContaining([
        'region_code',
        'district_code',
        'precinct_code',
        'partner_org_id',
      ]),
    });
    expect(idp.certs(request({})).body).toEqual({ keys: [key.jwk] });
    expect(idp.realmInfo(request({})).body).toMatchObject({
      realm: 'seriktes',
      public_key: key.publicKeyBase64,
      'tokens-not-before': 0,
    });
  });

  it('puts the public URL it is given in the issuer', async () => {
    const tokens = body(await password(idp, 'hq', {}));
    expect(claims(tokens.access_token).iss).toBe(ISSUER);
    const elsewhere = body(
      await idp.token(
        request(
          { grant_type: 'password', client_id: 'seriktes-console', username: 'hq', password: 'demo' },
          { baseUrl: 'https://id.example/' },
        ),
      ),
    );
    expect(claims(elsewhere.access_token).iss).toBe('https://id.example/realms/seriktes');
    expect(body(idp.discovery(request({}, { baseUrl: 'https://id.example' }))).issuer).toBe(
      'https://id.example/realms/seriktes',
    );
  });
});
