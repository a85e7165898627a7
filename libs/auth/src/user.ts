import { jurisdictionOf, type Jurisdiction, type ScopeClaims } from './jurisdiction';

/** The access-token claims this platform reads (Keycloak 26 shapes them so). */
export interface AccessTokenClaims extends ScopeClaims {
  sub?: string;
  iss?: string;
  exp?: number;
  iat?: number;
  typ?: string;
  azp?: string;
  aud?: string | string[];
  sid?: string;
  preferred_username?: string;
  client_id?: string;
  realm_access?: { roles?: string[] };
  resource_access?: Record<string, { roles?: string[] }>;
}

/** The caller of a request, from a verified access token. */
export interface AuthenticatedUser {
  /** The token's `sub`: stable id of the user or service account. */
  subject: string;
  /** `preferred_username` (e.g. `ast.esil.01`, `service-account-gateway`). */
  username: string;
  /** Realm roles (capability). */
  roles: string[];
  /** The client the token was issued to (`azp`). */
  clientId: string;
  /** A service account of a client (client-credentials grant), not a person. */
  serviceAccount: boolean;
  /** Data scope (territory) derived from roles and attributes. */
  jurisdiction: Jurisdiction;
  sessionId?: string;
  expiresAt: Date;
  /** The raw bearer token, to forward to subgraphs on the caller's behalf. */
  token: string;
}

export function userFromClaims(claims: AccessTokenClaims, token: string): AuthenticatedUser {
  const roles = Array.isArray(claims.realm_access?.roles) ? claims.realm_access.roles.filter((r) => typeof r === 'string') : [];
  const username = claims.preferred_username ?? claims.sub ?? 'unknown';
  return {
    subject: claims.sub ?? '',
    username,
    roles,
    clientId: claims.azp ?? claims.client_id ?? '',
    serviceAccount: username.startsWith('service-account-'),
    jurisdiction: jurisdictionOf(roles, claims),
    sessionId: claims.sid,
    expiresAt: new Date((claims.exp ?? 0) * 1000),
    token,
  };
}

export function hasAnyRole(user: Pick<AuthenticatedUser, 'roles'>, roles: readonly string[]): boolean {
  return roles.some((role) => user.roles.includes(role));
}
