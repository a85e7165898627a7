import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Logger } from '@seriktes/observability';
import type { IdentityDevConfig } from './config';
import { environmentResolver, IdentityProvider, loadSigningKey, parseRealm } from './oidc';

/** The workspace root: the nearest folder above this file that holds nx.json (else the working directory). */
export function workspaceRoot(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

export function resolveFromRoot(path: string): string {
  return isAbsolute(path) ? path : resolve(workspaceRoot(), path);
}

/**
 * Loads the realm file (placeholders resolved from `env`, as Keycloak does) and the signing key,
 * logs what was loaded and warns about development secrets, and builds the provider.
 */
export function createIdentityProvider(
  config: Pick<IdentityDevConfig, 'IDENTITY_DEV_REALM_FILE' | 'IDENTITY_DEV_SIGNING_KEY_FILE'>,
  logger: Logger,
  options: { env?: Record<string, string | undefined>; clock?: () => number } = {},
): IdentityProvider {
  const realmFile = resolveFromRoot(config.IDENTITY_DEV_REALM_FILE);
  const realm = parseRealm(readFileSync(realmFile, 'utf8'), environmentResolver(options.env ?? process.env));
  const keyFile = config.IDENTITY_DEV_SIGNING_KEY_FILE
    ? resolveFromRoot(config.IDENTITY_DEV_SIGNING_KEY_FILE)
    : undefined;
  const key = loadSigningKey(keyFile);
  const provider = new IdentityProvider({ realm, key, clock: options.clock });
  for (const warning of realm.warnings) logger.warn({ realm: realm.name }, warning);
  const unsupported = provider.unsupportedMappers();
  if (unsupported.length)
    logger.warn({ mappers: unsupported }, 'protocol mapper types not supported by identity-dev are ignored');
  logger.info(
    {
      realm: realm.name,
      realmFile,
      clients: realm.clients.size,
      users: realm.users.size,
      kid: key.kid,
      key: keyFile ? `${key.source} ${keyFile}` : 'generated for this process',
    },
    'identity-dev realm loaded (development and tests only, never deploy)',
  );
  return provider;
}
