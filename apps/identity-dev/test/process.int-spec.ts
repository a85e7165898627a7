/**
 * identity-dev as other projects run it: a child process started by startIdentityProvider from
 * @seriktes/testing, checked with unmodified keycloak-connect (a new Keycloak instance per provider).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import KeycloakConnect from 'keycloak-connect';
import { freePort, getJson, startIdentityProvider, type IdentityProvider } from '@seriktes/testing';
import { keycloakConnectConfig } from '@seriktes/auth';

type ValidatedToken = KeycloakConnect.Token & { content: Record<string, unknown> };

function keycloak(url: string, resource = 'inspector-roster'): KeycloakConnect.Keycloak {
  return new KeycloakConnect({}, keycloakConnectConfig({ keycloakUrl: url, realm: 'seriktes', clientId: resource }) as unknown as KeycloakConnect.KeycloakConfig);
}
async function validate(kc: KeycloakConnect.Keycloak, accessToken: string): Promise<ValidatedToken> {
  return (await kc.grantManager.createGrant({ access_token: accessToken } as never))
    .access_token as unknown as ValidatedToken;
}

let tmp: string;
const started: IdentityProvider[] = [];
async function start(options: Parameters<typeof startIdentityProvider>[0] = {}): Promise<IdentityProvider> {
  const provider = await startIdentityProvider(options);
  started.push(provider);
  return provider;
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'identity-dev-process-'));
});
afterAll(async () => {
  await Promise.all(started.map((p) => p.stop()));
  rmSync(tmp, { recursive: true, force: true });
});

describe('startIdentityProvider', () => {
  let idp: IdentityProvider;
  beforeAll(async () => {
    idp = await start();
  });

  it('runs identity-dev as a child process at http://127.0.0.1:<port> with the issuer services expect', async () => {
    expect(idp.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(idp.process.child.pid).toEqual(expect.any(Number));
    expect(idp.process.child.pid).not.toBe(process.pid);
    expect(idp.realm).toBe('seriktes');
    expect(idp.issuer).toBe(`${idp.url}/realms/seriktes`);
    expect(idp.env).toEqual({ KEYCLOAK_URL: idp.url, KEYCLOAK_REALM: 'seriktes' });
    expect(await getJson(`${idp.url}/health`)).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('gives demo-user and service tokens that keycloak-connect accepts', async () => {
    const kc = keycloak(idp.env.KEYCLOAK_URL);
    const inspector = await validate(kc, await idp.token('ast.esil.01'));
    expect(inspector.hasRole('realm:district_inspector')).toBe(true);
    expect(inspector.content.precinct_code).toBe('AST-ESL-01');
    const service = await validate(kc, await idp.clientToken('staffing-forecast'));
    expect(service.hasRole('realm:platform_service')).toBe(true);
    expect(service.content.preferred_username).toBe('service-account-staffing-forecast');
  });

  it('returns the whole token response, and says why a grant is refused', async () => {
    const tokens = await idp.tokens('ast.esil.head');
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 300, scope: 'openid profile email' });
    expect(tokens.refresh_token).toEqual(expect.any(String));
    expect(tokens.id_token).toEqual(expect.any(String));
    expect((await idp.clientTokens('partner-ast-akimat')).refresh_expires_in).toBe(0);
    await expect(idp.token('ast.esil.head', 'wrong')).rejects.toThrow(
      '(401): {"error":"invalid_grant","error_description":"Invalid user credentials"}',
    );
    await expect(idp.clientToken('gateway', 'wrong')).rejects.toThrow('(401)');
  });
});

describe('identity-dev settings', () => {
  it('keeps earlier tokens valid across a restart with IDENTITY_DEV_SIGNING_KEY_FILE', async () => {
    const keyFile = join(tmp, 'keys', 'identity-dev.pem');
    const port = await freePort();
    const first = await start({ port, env: { IDENTITY_DEV_SIGNING_KEY_FILE: keyFile } });
    const token = await first.token('council.ast');
    const kid = (
      await getJson<{ keys: Array<{ kid: string }> }>(`${first.issuer}/protocol/openid-connect/certs`)
    ).body.keys[0].kid;
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    await first.stop();

    const second = await start({ port, env: { IDENTITY_DEV_SIGNING_KEY_FILE: keyFile } });
    expect(
      (await getJson<{ keys: Array<{ kid: string }> }>(`${second.issuer}/protocol/openid-connect/certs`)).body
        .keys[0].kid,
    ).toBe(kid);
    const validated = await validate(keycloak(second.url), token);
    expect(validated.hasRole('realm:public_council')).toBe(true);
  });

  it('puts IDENTITY_DEV_PUBLIC_URL in the issuer, and takes client secrets from SERIKTES_CLIENT_SECRET_<CLIENT>', async () => {
    const idp = await start({
      env: {
        IDENTITY_DEV_PUBLIC_URL: 'http://identity.seriktes.test:8080',
        SERIKTES_CLIENT_SECRET_GATEWAY: 'gateway-from-env',
      },
    });
    expect(idp.issuer).toBe('http://identity.seriktes.test:8080/realms/seriktes');
    const token = await idp.token('hq');
    await expect(validate(keycloak(idp.url), token)).rejects.toThrow('invalid token (wrong ISS)');

    await expect(idp.clientToken('gateway')).rejects.toThrow('"error":"unauthorized_client"');
    expect(await idp.clientToken('gateway', 'gateway-from-env')).toEqual(expect.any(String));
    expect(await idp.clientToken('partner-hub')).toEqual(expect.any(String));
  });
});
