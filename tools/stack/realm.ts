/**
 * `npm run realm:production [-- <out>]`: the realm to import into a production Keycloak, derived
 * from deploy/keycloak/seriktes-realm.json (the one file identity-dev and the local compose stack
 * import): without the demo users (and their password `demo`), without direct-access grants
 * (passwords typed into scripts), without development redirect URIs. Service accounts stay; client
 * secrets stay `${SERIKTES_CLIENT_SECRET_*}` placeholders for Keycloak to resolve at import.
 * Written to dist/keycloak/seriktes-realm.json by default.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { WORKSPACE_ROOT } from '@seriktes/testing';

export const REALM_FILE = join(WORKSPACE_ROOT, 'deploy', 'keycloak', 'seriktes-realm.json');

interface RealmUser {
  username: string;
  serviceAccountClientId?: string;
  credentials?: unknown[];
}

interface RealmClient {
  clientId: string;
  directAccessGrantsEnabled?: boolean;
  redirectUris?: string[];
  webOrigins?: string[];
}

interface Realm {
  users?: RealmUser[];
  clients?: RealmClient[];
  [key: string]: unknown;
}

const DEV_ORIGIN = /^https?:\/\/(127\.0\.0\.1|localhost)(:|\/|$)/;

export function productionRealm(realm: Realm): Realm {
  return {
    ...realm,
    users: (realm.users ?? []).filter((user) => user.serviceAccountClientId !== undefined && !user.credentials?.length),
    clients: (realm.clients ?? []).map((client) => ({
      ...client,
      directAccessGrantsEnabled: false,
      ...(client.redirectUris ? { redirectUris: client.redirectUris.filter((uri) => !DEV_ORIGIN.test(uri)) } : {}),
      ...(client.webOrigins ? { webOrigins: client.webOrigins.filter((uri) => !DEV_ORIGIN.test(uri)) } : {}),
    })),
  };
}

if (require.main === module) {
  const out = resolve(process.argv[2] ?? join(WORKSPACE_ROOT, 'dist', 'keycloak', 'seriktes-realm.json'));
  const realm = productionRealm(JSON.parse(readFileSync(REALM_FILE, 'utf8')) as Realm);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(realm, null, 2)}\n`);
  console.log(`[realm] wrote ${out}: ${realm.users?.length ?? 0} service accounts, no demo users, no direct-access grants`);
}
