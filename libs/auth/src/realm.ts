/**
 * Facts of the `seriktes` realm that code and checks share: which services have a confidential
 * client (clientId = service name), which client scopes Keycloak creates by itself, and how
 * keycloak-connect is configured to verify a service's bearer tokens.
 */
export const REALM = 'seriktes';

/** Every platform service's confidential client, in the realm file's order. */
export const SERVICE_CLIENTS = [
  'gateway',
  'citizen-requests',
  'inspector-roster',
  'commission-tasks',
  'staffing-forecast',
  'feedback-surveys',
  'partner-hub',
] as const;

/** Client scopes Keycloak 26 creates in a realm imported without `clientScopes` of its own. */
export const KEYCLOAK_BUILT_IN_CLIENT_SCOPES = [
  'profile',
  'email',
  'address',
  'phone',
  'offline_access',
  'roles',
  'web-origins',
  'microprofile-jwt',
  'acr',
  'basic',
  'organization',
  'service_account',
] as const;

/**
 * keycloak-connect's configuration for a service that only accepts bearer tokens, verified
 * offline against the realm's JWKS, and only tokens naming `clientId` in their audience.
 */
export function keycloakConnectConfig(options: { keycloakUrl: string; realm: string; clientId: string; clientSecret?: string; verifyAudience?: boolean }) {
  return {
    realm: options.realm,
    'auth-server-url': options.keycloakUrl,
    resource: options.clientId,
    'bearer-only': true,
    'ssl-required': 'external',
    'confidential-port': 0,
    'verify-token-audience': options.verifyAudience ?? true,
    credentials: { secret: options.clientSecret ?? '' },
  };
}
