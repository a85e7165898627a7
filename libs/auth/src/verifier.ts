import KeycloakConnect from 'keycloak-connect';
import { AuthError, unauthenticated } from './errors';
import { keycloakConnectConfig } from './realm';
import { userFromClaims, type AccessTokenClaims, type AuthenticatedUser } from './user';

export interface AuthSettings {
  /** Keycloak base URL, e.g. `http://127.0.0.1:8080` (the issuer is `<url>/realms/<realm>`). */
  keycloakUrl: string;
  realm: string;
  /** This service's client id; access tokens must name it in `aud`. */
  clientId: string;
  /** This service's client secret (for its own service-to-service tokens). */
  clientSecret?: string;
  /** Require `aud` to contain `clientId` (default true). */
  verifyAudience?: boolean;
  /** How long a verification may wait for the realm's keys (default 5000 ms; keycloak-connect has no timeout). */
  keyFetchTimeoutMs?: number;
}

const MAX_TOKEN_LENGTH = 8 * 1024;
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i;

/**
 * Verifies bearer tokens with unmodified keycloak-connect in bearer-only mode: offline, against the
 * realm's JWKS (fetched from `<issuer>/protocol/openid-connect/certs` and cached by kid); RS256,
 * exact issuer, `typ: "Bearer"`, not expired, audience.
 */
export class TokenVerifier {
  private readonly keycloak: KeycloakConnect.Keycloak;

  constructor(readonly settings: AuthSettings) {
    this.keycloak = new KeycloakConnect({}, keycloakConnectConfig(settings) as unknown as KeycloakConnect.KeycloakConfig);
  }

  get issuer(): string {
    return `${this.settings.keycloakUrl.replace(/\/+$/, '')}/realms/${this.settings.realm}`;
  }

  /** The caller of an `Authorization` header value; throws AuthError when it is not a valid token. */
  async verify(authorization: string | string[] | undefined): Promise<AuthenticatedUser> {
    const header = Array.isArray(authorization) ? authorization[0] : authorization;
    if (!header) throw unauthenticated('no Authorization header');
    if (header.length > MAX_TOKEN_LENGTH) throw unauthenticated('token too long');
    const match = BEARER.exec(header.trim());
    if (!match) throw unauthenticated('Authorization is not "Bearer <jwt>"');
    const token = match[1];
    let grant: KeycloakConnect.Grant;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeoutMs = this.settings.keyFetchTimeoutMs ?? 5000;
      grant = await Promise.race([
        this.keycloak.grantManager.createGrant({ access_token: token } as never),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`failed to load public key: no answer from the identity provider within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
    } catch (error) {
      const reason = (error as Error).message ?? String(error);
      if (/failed to load public key|ECONNREFUSED|Error fetching JWK/i.test(reason) && !/public key signature/.test(reason)) {
        throw new AuthError('AUTH_UNAVAILABLE', 'the identity provider cannot be reached to verify the token', reason);
      }
      throw unauthenticated(reason);
    } finally {
      if (timer) clearTimeout(timer);
    }
    const content = (grant.access_token as unknown as { content: AccessTokenClaims }).content;
    if (!content.sub) throw unauthenticated('token has no subject');
    return userFromClaims(content, token);
  }
}
