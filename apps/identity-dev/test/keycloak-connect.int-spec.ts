/**
 * Unmodified keycloak-connect (what libs/auth uses) against identity-dev, in-process: it accepts
 * the provider's tokens and rejects expired, foreign-issuer, foreign-signature, non-Bearer and
 * wrong-audience ones. One Keycloak instance per provider (keycloak-connect caches the JWKS by kid).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import KeycloakConnect from 'keycloak-connect';
import { DEMO_USERS, WORKSPACE_ROOT } from '@seriktes/testing';
import { startInProcess, type InProcessIdentity } from '../src/testing';
import { keycloakConnectConfig, SERVICE_CLIENTS } from '@seriktes/auth';

type ValidatedToken = KeycloakConnect.Token & { content: Record<string, unknown> };

const SERVICES = [...SERVICE_CLIENTS];

let offsetMs = 0;
let idp: InProcessIdentity;
let tmp: string;

function keycloak(
  url: string,
  resource = 'citizen-requests',
  extra: Record<string, unknown> = {},
): KeycloakConnect.Keycloak {
  return new KeycloakConnect({}, {
    ...keycloakConnectConfig({ keycloakUrl: url, realm: 'seriktes', clientId: resource }),
    ...extra,
  } as unknown as KeycloakConnect.KeycloakConfig);
}

async function accepted(kc: KeycloakConnect.Keycloak, accessToken: string): Promise<ValidatedToken> {
  const grant = await kc.grantManager.createGrant({ access_token: accessToken } as never);
  return grant.access_token as unknown as ValidatedToken;
}

async function rejection(kc: KeycloakConnect.Keycloak, accessToken: string): Promise<string> {
  try {
    await kc.grantManager.createGrant({ access_token: accessToken } as never);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('keycloak-connect accepted the token');
}

async function grant(
  provider: InProcessIdentity,
  form: Record<string, string>,
): Promise<Record<string, string>> {
  const response = await fetch(`${provider.url}/realms/seriktes/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  const body = (await response.json()) as Record<string, string>;
  if (response.status !== 200) throw new Error(`token endpoint ${response.status}: ${JSON.stringify(body)}`);
  return body;
}
const login = (provider: InProcessIdentity, username: string) =>
  grant(provider, {
    grant_type: 'password',
    client_id: 'seriktes-console',
    username,
    password: 'demo',
    scope: 'openid',
  });
const serviceLogin = (provider: InProcessIdentity, clientId: string) =>
  grant(provider, {
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: `${clientId}-dev-secret`,
  });

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'identity-dev-kc-'));
  idp = await startInProcess({ clock: () => Date.now() + offsetMs });
});
afterAll(async () => {
  await idp?.close();
  rmSync(tmp, { recursive: true, force: true });
});
afterEach(() => {
  offsetMs = 0;
});

describe('keycloak-connect (bearer-only, verify-token-audience) accepts', () => {
  it.each(DEMO_USERS.map(([username, role]) => [username, role] as const))('password-grant tokens of %s, with realm role %s', async (username, role) => {
    const kc = keycloak(idp.url);
    const token = await accepted(kc, (await login(idp, username)).access_token);
    expect(token.hasRole(`realm:${role}`)).toBe(true);
    expect(token.hasRole('realm:platform_service')).toBe(false);
    expect(token.content.preferred_username).toBe(username);
  });

  it('a district inspector with precinct scope, read as libs/auth reads it', async () => {
    const token = await accepted(keycloak(idp.url), (await login(idp, 'ast.esil.01')).access_token);
    expect(token.hasRole('realm:district_inspector')).toBe(true);
    expect(token.hasRole('realm:unit_head')).toBe(false);
    expect(token.content).toMatchObject({
      region_code: 'AST',
      district_code: 'AST-ESL',
      precinct_code: 'AST-ESL-01',
      azp: 'seriktes-console',
    });
  });

  it.each(SERVICES)('client-credentials tokens of %s at every service', async (clientId) => {
    const accessToken = (await serviceLogin(idp, clientId)).access_token;
    for (const audience of SERVICES) {
      const token = await accepted(keycloak(idp.url, audience), accessToken);
      expect(token.hasRole('realm:platform_service')).toBe(true);
    }
  });

  it("the Astana akimat's service account as a partner of AST", async () => {
    const token = await accepted(
      keycloak(idp.url, 'gateway'),
      (await serviceLogin(idp, 'partner-ast-akimat')).access_token,
    );
    expect(token.hasRole('realm:partner')).toBe(true);
    expect(token.hasRole('realm:platform_service')).toBe(false);
    expect(token.content).toMatchObject({
      region_code: 'AST',
      partner_org_id: 'ast-akimat',
      client_id: 'partner-ast-akimat',
    });
  });

  it('tokens it obtains itself: direct grant with ID-token checks, client credentials, and online introspection', async () => {
    const direct = new KeycloakConnect({}, {
      realm: 'seriktes',
      'auth-server-url': idp.url,
      resource: 'seriktes-console',
      'public-client': true,
      'ssl-required': 'none',
    } as unknown as KeycloakConnect.KeycloakConfig);
    const userGrant = await direct.grantManager.obtainDirectly('ast.analyst', 'demo');
    expect((userGrant.access_token as unknown as ValidatedToken).hasRole('realm:analyst')).toBe(true);
    expect((userGrant.id_token as unknown as ValidatedToken).content).toMatchObject({
      typ: 'ID',
      aud: 'seriktes-console',
    });

    const service = new KeycloakConnect({}, {
      realm: 'seriktes',
      'auth-server-url': idp.url,
      resource: 'commission-tasks',
      credentials: { secret: 'commission-tasks-dev-secret' },
      'ssl-required': 'none',
    } as unknown as KeycloakConnect.KeycloakConfig);
    const serviceGrant = await service.grantManager.obtainFromClientCredentials(undefined as never, 'openid');
    expect((serviceGrant.access_token as unknown as ValidatedToken).hasRole('realm:platform_service')).toBe(
      true,
    );

    const tokens = await login(idp, 'ast.head');
    expect(await service.grantManager.validateAccessToken(tokens.access_token)).toBe(tokens.access_token);
    const logout = await fetch(`${idp.url}/realms/seriktes/protocol/openid-connect/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: 'seriktes-console',
        refresh_token: tokens.refresh_token,
      }).toString(),
    });
    expect(logout.status).toBe(204);
    expect(await service.grantManager.validateAccessToken(tokens.access_token)).toBe(false);
  });
});

describe('keycloak-connect rejects', () => {
  it('an expired token (minted by the provider with its clock set back)', async () => {
    offsetMs = -400_000;
    const tokens = await login(idp, 'ast.esil.01');
    offsetMs = 0;
    expect(decodeJwt(tokens.access_token).exp).toBeLessThan(Date.now() / 1000);
    expect(await rejection(keycloak(idp.url), tokens.access_token)).toBe(
      'Grant validation failed. Reason: invalid token (expired)',
    );
    await accepted(keycloak(idp.url), (await login(idp, 'ast.esil.01')).access_token);
  });

  it('a token of another issuer (the provider reached as localhost instead of 127.0.0.1)', async () => {
    const accessToken = (await login(idp, 'hq')).access_token;
    const viaLocalhost = keycloak(idp.url.replace('127.0.0.1', 'localhost'));
    expect(await rejection(viaLocalhost, accessToken)).toBe(
      'Grant validation failed. Reason: invalid token (wrong ISS)',
    );
  });

  it('a token with a foreign signature (same kid, another key)', async () => {
    const accessToken = (await login(idp, 'hq')).access_token;
    const kc = keycloak(idp.url);
    await accepted(kc, accessToken); // the JWKS is cached now: the forged token is checked against the real key
    const header = decodeProtectedHeader(accessToken);
    const forged = await new SignJWT(decodeJwt(accessToken))
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: header.kid })
      .sign(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
    expect(await rejection(kc, forged)).toBe(
      'Grant validation failed. Reason: invalid token (public key signature)',
    );
  });

  it('tokens that are not Bearer tokens (the ID token and the refresh token)', async () => {
    const tokens = await login(idp, 'ast.commission');
    const kc = keycloak(idp.url);
    expect(await rejection(kc, tokens.id_token)).toBe(
      'Grant validation failed. Reason: invalid token (wrong type)',
    );
    expect(await rejection(kc, tokens.refresh_token)).toBe(
      'Grant validation failed. Reason: invalid token (wrong type)',
    );
  });

  it('a token whose aud lacks the client (a client that is not an API, and a realm without that audience mapper)', async () => {
    const accessToken = (await login(idp, 'ast.esil.02')).access_token;
    expect(await rejection(keycloak(idp.url, 'partner-ast-akimat'), accessToken)).toBe(
      'Grant validation failed. Reason: invalid token (wrong audience)',
    );

    const realm = JSON.parse(
      readFileSync(join(WORKSPACE_ROOT, 'deploy', 'keycloak', 'seriktes-realm.json'), 'utf8'),
    ) as {
      clients: Array<{ clientId: string; protocolMappers: Array<{ name: string }> }>;
    };
    const console = realm.clients.find((c) => c.clientId === 'seriktes-console')!;
    console.protocolMappers = console.protocolMappers.filter((m) => m.name !== 'audience citizen-requests');
    const file = join(tmp, 'realm-without-audience.json');
    writeFileSync(file, JSON.stringify(realm));
    const other = await startInProcess({ env: { IDENTITY_DEV_REALM_FILE: file } });
    try {
      const token = (await login(other, 'ast.esil.02')).access_token;
      expect(decodeJwt(token).aud).not.toContain('citizen-requests');
      expect(await rejection(keycloak(other.url, 'citizen-requests'), token)).toBe(
        'Grant validation failed. Reason: invalid token (wrong audience)',
      );
      await accepted(keycloak(other.url, 'inspector-roster'), token);
    } finally {
      await other.close();
    }
  });
});
