import { getJson } from './http';
import { startService, type ServiceProcess } from './services';

/** The demo users of the realm (development only, password `demo`): username, realm role, scope attributes. */
export const DEMO_USERS: ReadonlyArray<readonly [username: string, role: string, attributes: Readonly<Record<string, string>>]> = [
  ['hq', 'ministry_hq', {}],
  ['ast.head', 'department_head', { region_code: 'AST' }],
  ['ast.esil.head', 'unit_head', { region_code: 'AST', district_code: 'AST-ESL' }],
  ['ast.esil.01', 'district_inspector', { region_code: 'AST', district_code: 'AST-ESL', precinct_code: 'AST-ESL-01' }],
  ['ast.esil.02', 'district_inspector', { region_code: 'AST', district_code: 'AST-ESL', precinct_code: 'AST-ESL-02' }],
  ['ast.analyst', 'analyst', { region_code: 'AST' }],
  ['ast.hr', 'hr_planner', { region_code: 'AST' }],
  ['ast.commission', 'commission_secretary', { region_code: 'AST' }],
  ['ast.akimat', 'partner', { region_code: 'AST', partner_org_id: 'ast-akimat' }],
  ['ast.school.54', 'partner', { region_code: 'AST', partner_org_id: 'ast-school-54' }],
  ['ast.health', 'commission_member', { region_code: 'AST', partner_org_id: 'ast-health' }],
  ['council.ast', 'public_council', { region_code: 'AST' }],
  ['citizen.demo', 'citizen', {}],
  ['audit.prosecutor', 'prosecutor_oversight', {}],
  ['admin', 'platform_admin', {}],
];

/** Keycloak's token endpoint answer. */
export interface TokenResponse {
  access_token: string;
  expires_in: number;
  refresh_expires_in: number;
  refresh_token?: string;
  token_type: 'Bearer';
  id_token?: string;
  'not-before-policy': number;
  session_state?: string;
  scope: string;
}

export interface IdentityProvider {
  /** Base URL, `http://127.0.0.1:<port>` (what services call KEYCLOAK_URL). */
  url: string;
  realm: 'seriktes';
  /** `<public url>/realms/seriktes`, exactly what tokens carry as `iss`. */
  issuer: string;
  /** The variables that point a service at this provider. */
  env: { KEYCLOAK_URL: string; KEYCLOAK_REALM: string };
  process: ServiceProcess;
  /** Password grant (scope `openid`) of a demo user; the access token. */
  token(username: string, password?: string, clientId?: string): Promise<string>;
  /** Password grant; the whole token response (access, refresh and ID tokens). */
  tokens(username: string, password?: string, clientId?: string): Promise<TokenResponse>;
  /** Client-credentials grant of a confidential client's service account; the access token. */
  clientToken(clientId: string, secret?: string): Promise<string>;
  /** Client-credentials grant; the whole token response. */
  clientTokens(clientId: string, secret?: string): Promise<TokenResponse>;
  stop(): Promise<void>;
}

export interface StartIdentityProviderOptions {
  /** Extra variables of the identity-dev process (e.g. IDENTITY_DEV_SIGNING_KEY_FILE, SERIKTES_CLIENT_SECRET_*). */
  env?: Record<string, string>;
  /** Fixed port (default: a free one), e.g. to restart a provider where its tokens point. */
  port?: number;
}

const REALM = 'seriktes';
const PUBLIC_CLIENT = 'seriktes-console';

/**
 * Starts apps/identity-dev (the development Keycloak stand-in, realm `seriktes` from
 * deploy/keycloak/seriktes-realm.json) as a child process on a free port and waits until it is
 * healthy. Client secrets default to identity-dev's development secrets `<clientId>-dev-secret`.
 */
export async function startIdentityProvider(
  options: StartIdentityProviderOptions = {},
): Promise<IdentityProvider> {
  const child = await startService({
    name: 'identity-dev',
    port: options.port,
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...options.env },
  });
  try {
    const discovery = await getJson<{ issuer?: string }>(
      `${child.url}/realms/${REALM}/.well-known/openid-configuration`,
    );
    if (discovery.status !== 200 || !discovery.body?.issuer) {
      throw new Error(
        `identity-dev discovery answered ${discovery.status}: ${JSON.stringify(discovery.body)}`,
      );
    }
    const tokenEndpoint = `${child.url}/realms/${REALM}/protocol/openid-connect/token`;
    const grant = async (form: Record<string, string>, what: string): Promise<TokenResponse> => {
      const response = await fetch(tokenEndpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams(form).toString(),
      });
      const text = await response.text();
      if (response.status !== 200)
        throw new Error(`identity-dev refused ${what} (${response.status}): ${text}`);
      return JSON.parse(text) as TokenResponse;
    };
    const tokens = (username: string, password = 'demo', clientId = PUBLIC_CLIENT) =>
      grant(
        {
          grant_type: 'password',
          client_id: clientId,
          ...(clientId === PUBLIC_CLIENT ? {} : { client_secret: `${clientId}-dev-secret` }),
          username,
          password,
          scope: 'openid',
        },
        `a password grant for ${username} through ${clientId}`,
      );
    const clientTokens = (clientId: string, secret = `${clientId}-dev-secret`) =>
      grant(
        { grant_type: 'client_credentials', client_id: clientId, client_secret: secret },
        `a client-credentials grant for ${clientId}`,
      );
    return {
      url: child.url,
      realm: REALM,
      issuer: discovery.body.issuer,
      env: { KEYCLOAK_URL: child.url, KEYCLOAK_REALM: REALM },
      process: child,
      tokens,
      token: async (username, password, clientId) =>
        (await tokens(username, password, clientId)).access_token,
      clientTokens,
      clientToken: async (clientId, secret) => (await clientTokens(clientId, secret)).access_token,
      stop: async () => {
        await child.stop();
      },
    };
  } catch (error) {
    await child.stop(2000);
    throw error;
  }
}
