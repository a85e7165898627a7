import { defineEnv, type Config } from '@seriktes/runtime';

/**
 * identity-dev is a development and test tool: a Keycloak-compatible OpenID Connect provider that
 * loads the production realm file. It is never deployed (the deployment check skips apps that
 * export `developmentOnly`); production runs Keycloak with the same realm file.
 */
export const developmentOnly = true;

/** Every variable identity-dev reads, with its local default. */
export const env = defineEnv({
  PORT: {
    kind: 'port',
    default: '8080',
    description: 'HTTP port (OpenID Connect endpoints under /realms/<realm>, /health, /metrics).',
  },
  LOG_LEVEL: {
    kind: 'enum',
    default: 'info',
    values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    description: 'Lowest log level written.',
  },
  IDENTITY_DEV_REALM_FILE: {
    kind: 'string',
    default: 'deploy/keycloak/seriktes-realm.json',
    description: 'Keycloak realm export to serve (relative paths are taken from the workspace root).',
  },
  IDENTITY_DEV_PUBLIC_URL: {
    kind: 'string',
    default: '',
    description:
      'Base URL put in the issuer (<url>/realms/<realm>) and the discovery document; empty means http://127.0.0.1:<PORT>.',
  },
  IDENTITY_DEV_SIGNING_KEY_FILE: {
    kind: 'string',
    default: '',
    description:
      'RSA signing key (PKCS8 PEM or JWK), read from or created at this path so restarts keep tokens valid; empty means a fresh key per process.',
  },
});

export type IdentityDevConfig = Config<typeof env.spec>;
