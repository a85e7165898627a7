/** An OAuth 2.0 / OpenID Connect error answer, with Keycloak's status and body. */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(description ? `${error}: ${description}` : error);
    this.name = 'OAuthError';
  }

  get body(): Record<string, string> {
    return this.description === undefined
      ? { error: this.error }
      : { error: this.error, error_description: this.description };
  }
}

/** Keycloak's answers, word for word. */
export const errors = {
  realmNotFound: () => new OAuthError(404, 'Realm does not exist'),
  realmDisabled: () => new OAuthError(403, 'Realm not enabled'),
  missingGrantType: () => new OAuthError(400, 'invalid_request', 'Missing form parameter: grant_type'),
  unsupportedGrantType: () => new OAuthError(400, 'unsupported_grant_type', 'Unsupported grant_type'),
  duplicatedParameter: () => new OAuthError(400, 'invalid_request', 'duplicated parameter'),
  /** Unknown or disabled client, or no client credentials at all. */
  invalidClient: () => new OAuthError(401, 'invalid_client', 'Invalid client or Invalid client credentials'),
  /** A known confidential client with a wrong secret (Keycloak 26 answers `unauthorized_client` here). */
  invalidClientCredentials: () =>
    new OAuthError(401, 'unauthorized_client', 'Invalid client or Invalid client credentials'),
  missingClientSecret: () =>
    new OAuthError(401, 'unauthorized_client', 'Client secret not provided in request'),
  directGrantsNotAllowed: () =>
    new OAuthError(400, 'unauthorized_client', 'Client not allowed for direct access grants'),
  missingUsername: () => new OAuthError(401, 'invalid_request', 'Missing parameter: username'),
  invalidUserCredentials: () => new OAuthError(401, 'invalid_grant', 'Invalid user credentials'),
  accountDisabled: () => new OAuthError(400, 'invalid_grant', 'Account disabled'),
  bearerOnlyServiceAccount: () =>
    new OAuthError(401, 'unauthorized_client', 'Bearer-only client not allowed to retrieve service account'),
  publicClientServiceAccount: () =>
    new OAuthError(401, 'unauthorized_client', 'Public client not allowed to retrieve service account'),
  serviceAccountsDisabled: () =>
    new OAuthError(401, 'unauthorized_client', 'Client not enabled to retrieve service account'),
  invalidScope: (scope: string) => new OAuthError(400, 'invalid_scope', `Invalid scopes: ${scope}`),
  missingRefreshToken: () => new OAuthError(400, 'invalid_request', 'No refresh token'),
  invalidRefreshToken: () => new OAuthError(400, 'invalid_grant', 'Invalid refresh token'),
  refreshTokenExpired: () => new OAuthError(400, 'invalid_grant', 'Token is not active'),
  unmatchingClients: () => new OAuthError(400, 'invalid_grant', 'Unmatching clients'),
  sessionNotActive: () => new OAuthError(400, 'invalid_grant', 'Session not active'),
  missingToken: () => new OAuthError(400, 'invalid_request', 'Token not provided'),
  publicClientIntrospection: () => new OAuthError(403, 'invalid_request', 'Client not allowed.'),
  userinfoMissingToken: (realm: string) =>
    new OAuthError(401, 'invalid_request', 'Token not provided', {
      'www-authenticate': `Bearer realm="${realm}"`,
    }),
  userinfoInvalidToken: (realm: string) =>
    new OAuthError(401, 'invalid_token', 'Token verification failed', {
      'www-authenticate': `Bearer realm="${realm}", error="invalid_token", error_description="Token verification failed"`,
    }),
  userinfoMissingOpenid: (realm: string) =>
    new OAuthError(403, 'insufficient_scope', 'Missing openid scope', {
      'www-authenticate': `Bearer realm="${realm}", error="insufficient_scope", error_description="Missing openid scope"`,
    }),
};
