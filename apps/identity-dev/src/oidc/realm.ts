import { createHash } from 'node:crypto';
import {
  environmentResolver,
  isUnresolvedPlaceholder,
  replaceProperties,
  type PropertyResolver,
} from './placeholders';

/** A protocol mapper of a client, as in the realm file (`config` values are strings). */
export interface MapperModel {
  name: string;
  protocolMapper: string;
  config: Record<string, string>;
}

export interface ClientModel {
  clientId: string;
  enabled: boolean;
  publicClient: boolean;
  bearerOnly: boolean;
  /** Resolved secret of a confidential client. */
  secret?: string;
  /** The secret placeholder was unset, so the development secret `<clientId>-dev-secret` is used. */
  usesDevelopmentSecret: boolean;
  standardFlowEnabled: boolean;
  directAccessGrantsEnabled: boolean;
  serviceAccountsEnabled: boolean;
  webOrigins: string[];
  defaultClientScopes: string[];
  optionalClientScopes: string[];
  protocolMappers: MapperModel[];
}

export interface UserModel {
  id: string;
  username: string;
  enabled: boolean;
  emailVerified: boolean;
  email?: string;
  firstName?: string;
  lastName?: string;
  attributes: Record<string, string[]>;
  /** Plain-text password from a `{type: "password", value}` credential (hashed credentials are not supported). */
  password?: string;
  realmRoles: string[];
  clientRoles: Record<string, string[]>;
  serviceAccountClientId?: string;
}

export interface RoleModel {
  name: string;
  composites: { realm: string[]; client: Record<string, string[]> };
}

export interface BruteForceSettings {
  enabled: boolean;
  failureFactor: number;
  waitIncrementSeconds: number;
  maxFailureWaitSeconds: number;
}

export interface RealmModel {
  name: string;
  enabled: boolean;
  accessTokenLifespan: number;
  ssoSessionIdleTimeout: number;
  ssoSessionMaxLifespan: number;
  bruteForce: BruteForceSettings;
  defaultRole: string;
  realmRoles: Map<string, RoleModel>;
  /** Client roles by client id, then role name (including the built-in `account` client's). */
  clientRoles: Map<string, Map<string, RoleModel>>;
  clients: Map<string, ClientModel>;
  /** Users by lower-cased username. */
  users: Map<string, UserModel>;
  /** Problems found while loading that do not stop the provider (logged once). */
  warnings: string[];
}

/** Scopes whose name goes into the token's `scope` claim (Keycloak's `include.in.token.scope`). */
export const SCOPES_IN_TOKEN = new Set([
  'profile',
  'email',
  'address',
  'phone',
  'offline_access',
  'microprofile-jwt',
  'organization',
]);
/** The realm's default client scopes, used by a client that names none. */
const REALM_DEFAULT_SCOPES = ['profile', 'email', 'roles', 'web-origins', 'acr', 'basic'];

const role = (name: string, realm: string[] = [], client: Record<string, string[]> = {}): RoleModel => ({
  name,
  composites: { realm, client },
});

/** What Keycloak creates itself when it imports a realm that does not define them. */
function builtInRoles(realmName: string) {
  const defaultRole = `default-roles-${realmName.toLowerCase()}`;
  const realmRoles = [
    role(defaultRole, ['offline_access', 'uma_authorization'], {
      account: ['view-profile', 'manage-account'],
    }),
    role('offline_access'),
    role('uma_authorization'),
  ];
  const account = [
    role('view-profile'),
    role('manage-account', [], { account: ['manage-account-links'] }),
    role('manage-account-links'),
    role('view-applications'),
    role('view-consent'),
    role('manage-consent', [], { account: ['view-consent'] }),
    role('view-groups'),
    role('delete-account'),
  ];
  return { defaultRole, realmRoles, clientRoles: { account } };
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const bool = (value: unknown, fallback: boolean): boolean => (typeof value === 'boolean' ? value : fallback);
const num = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

function roleFrom(json: Json): RoleModel {
  const composites = isObject(json.composites) ? json.composites : {};
  const client: Record<string, string[]> = {};
  if (isObject(composites.client))
    for (const [id, names] of Object.entries(composites.client)) client[id] = strings(names);
  return role(String(json.name), strings(composites.realm), client);
}

/** A stable UUID for a user the file gives no id, so `sub` does not change between restarts. */
export function deterministicUserId(realm: string, username: string): string {
  const hash = createHash('sha1').update(`seriktes-identity-dev:${realm}:${username.toLowerCase()}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50; // version 5 (name-based, SHA-1)
  hash[8] = (hash[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function developmentSecret(clientId: string): string {
  return `${clientId}-dev-secret`;
}

/**
 * Reads a Keycloak realm export the way Keycloak imports it: placeholders are resolved in the
 * whole text first (from the environment), then the JSON is read. A confidential client whose
 * secret placeholder stays unresolved (or resolves to nothing) gets the development secret
 * `<clientId>-dev-secret`; those clients are listed in `warnings`.
 */
export function parseRealm(text: string, resolve: PropertyResolver = environmentResolver()): RealmModel {
  const json: unknown = JSON.parse(replaceProperties(text, resolve));
  if (!isObject(json) || typeof json.realm !== 'string' || !json.realm)
    throw new Error('not a Keycloak realm export: no "realm" name');
  const name = json.realm;
  const warnings: string[] = [];
  const builtIns = builtInRoles(name);

  const realmRoles = new Map<string, RoleModel>(builtIns.realmRoles.map((r) => [r.name, r]));
  const rolesJson = isObject(json.roles) ? json.roles : {};
  for (const r of Array.isArray(rolesJson.realm) ? rolesJson.realm : [])
    if (isObject(r) && typeof r.name === 'string') realmRoles.set(r.name, roleFrom(r));
  const clientRoles = new Map<string, Map<string, RoleModel>>();
  for (const [clientId, list] of Object.entries(builtIns.clientRoles))
    clientRoles.set(clientId, new Map(list.map((r) => [r.name, r])));
  if (isObject(rolesJson.client)) {
    for (const [clientId, list] of Object.entries(rolesJson.client)) {
      const roles = clientRoles.get(clientId) ?? new Map<string, RoleModel>();
      for (const r of Array.isArray(list) ? list : [])
        if (isObject(r) && typeof r.name === 'string') roles.set(r.name, roleFrom(r));
      clientRoles.set(clientId, roles);
    }
  }
  let defaultRole = builtIns.defaultRole;
  if (isObject(json.defaultRole) && typeof json.defaultRole.name === 'string') {
    defaultRole = json.defaultRole.name;
    if (!realmRoles.has(defaultRole)) realmRoles.set(defaultRole, roleFrom(json.defaultRole));
  }

  const clients = new Map<string, ClientModel>();
  const developmentSecrets: string[] = [];
  for (const c of Array.isArray(json.clients) ? json.clients : []) {
    if (!isObject(c) || typeof c.clientId !== 'string') continue;
    const publicClient = bool(c.publicClient, false);
    let secret = str(c.secret);
    let usesDevelopmentSecret = false;
    if (!publicClient && (secret === undefined || secret === '' || isUnresolvedPlaceholder(secret))) {
      secret = developmentSecret(c.clientId);
      usesDevelopmentSecret = true;
      developmentSecrets.push(c.clientId);
    }
    const mappers: MapperModel[] = [];
    for (const m of Array.isArray(c.protocolMappers) ? c.protocolMappers : []) {
      if (!isObject(m) || typeof m.protocolMapper !== 'string') continue;
      if (m.protocol !== undefined && m.protocol !== 'openid-connect') continue;
      const config: Record<string, string> = {};
      if (isObject(m.config)) for (const [k, v] of Object.entries(m.config)) config[k] = String(v);
      mappers.push({ name: String(m.name ?? m.protocolMapper), protocolMapper: m.protocolMapper, config });
    }
    clients.set(c.clientId, {
      clientId: c.clientId,
      enabled: bool(c.enabled, true),
      publicClient,
      bearerOnly: bool(c.bearerOnly, false),
      secret: publicClient ? undefined : secret,
      usesDevelopmentSecret,
      standardFlowEnabled: bool(c.standardFlowEnabled, true),
      directAccessGrantsEnabled: bool(c.directAccessGrantsEnabled, false),
      serviceAccountsEnabled: bool(c.serviceAccountsEnabled, false),
      webOrigins: strings(c.webOrigins),
      defaultClientScopes: Array.isArray(c.defaultClientScopes)
        ? strings(c.defaultClientScopes)
        : [...REALM_DEFAULT_SCOPES],
      optionalClientScopes: strings(c.optionalClientScopes),
      protocolMappers: mappers,
    });
  }
  if (developmentSecrets.length) {
    warnings.push(
      `client secrets not set, using the development secret <clientId>-dev-secret for: ${developmentSecrets.join(', ')}`,
    );
  }

  const users = new Map<string, UserModel>();
  for (const u of Array.isArray(json.users) ? json.users : []) {
    if (!isObject(u) || typeof u.username !== 'string') continue;
    const username = u.username.toLowerCase();
    const attributes: Record<string, string[]> = {};
    if (isObject(u.attributes)) {
      for (const [k, v] of Object.entries(u.attributes))
        attributes[k] = Array.isArray(v) ? strings(v) : typeof v === 'string' ? [v] : [];
    }
    let password: string | undefined;
    for (const credential of Array.isArray(u.credentials) ? u.credentials : []) {
      if (!isObject(credential) || credential.type !== 'password') continue;
      if (typeof credential.value === 'string') password = credential.value;
      else
        warnings.push(
          `user ${username}: hashed password credentials are not supported; the user cannot log in`,
        );
    }
    const userClientRoles: Record<string, string[]> = {};
    if (isObject(u.clientRoles))
      for (const [id, names] of Object.entries(u.clientRoles)) userClientRoles[id] = strings(names);
    users.set(username, {
      id: str(u.id) ?? deterministicUserId(name, username),
      username,
      enabled: bool(u.enabled, false),
      emailVerified: bool(u.emailVerified, false),
      email: str(u.email)?.toLowerCase(),
      firstName: str(u.firstName),
      lastName: str(u.lastName),
      attributes,
      password,
      realmRoles: strings(u.realmRoles),
      clientRoles: userClientRoles,
      serviceAccountClientId: str(u.serviceAccountClientId),
    });
  }
  // Keycloak creates a missing service-account user with the default role.
  for (const client of clients.values()) {
    if (
      !client.serviceAccountsEnabled ||
      [...users.values()].some((u) => u.serviceAccountClientId === client.clientId)
    )
      continue;
    const username = `service-account-${client.clientId}`.toLowerCase();
    users.set(username, {
      id: deterministicUserId(name, username),
      username,
      enabled: true,
      emailVerified: false,
      attributes: {},
      realmRoles: [defaultRole],
      clientRoles: {},
      serviceAccountClientId: client.clientId,
    });
  }

  return {
    name,
    enabled: bool(json.enabled, false),
    accessTokenLifespan: num(json.accessTokenLifespan, 300),
    ssoSessionIdleTimeout: num(json.ssoSessionIdleTimeout, 1800),
    ssoSessionMaxLifespan: num(json.ssoSessionMaxLifespan, 36000),
    bruteForce: {
      enabled: bool(json.bruteForceProtected, false),
      failureFactor: num(json.failureFactor, 30),
      waitIncrementSeconds: num(json.waitIncrementSeconds, 60),
      maxFailureWaitSeconds: num(json.maxFailureWaitSeconds, 900),
    },
    defaultRole,
    realmRoles,
    clientRoles,
    clients,
    users,
    warnings,
  };
}

/** The user's effective roles: its realm and client roles with every composite expanded. */
export function effectiveRoles(
  realm: RealmModel,
  user: UserModel,
): { realm: string[]; client: Record<string, string[]> } {
  const realmRoles: string[] = [];
  const clientRoles: Record<string, string[]> = {};
  const seen = new Set<string>();
  const visitRealm = (name: string) => {
    if (seen.has(`realm:${name}`)) return;
    seen.add(`realm:${name}`);
    realmRoles.push(name);
    const model = realm.realmRoles.get(name);
    if (model) expand(model);
  };
  const visitClient = (clientId: string, name: string) => {
    if (seen.has(`client:${clientId}:${name}`)) return;
    seen.add(`client:${clientId}:${name}`);
    (clientRoles[clientId] ??= []).push(name);
    const model = realm.clientRoles.get(clientId)?.get(name);
    if (model) expand(model);
  };
  const expand = (model: RoleModel) => {
    model.composites.realm.forEach(visitRealm);
    for (const [clientId, names] of Object.entries(model.composites.client))
      names.forEach((n) => visitClient(clientId, n));
  };
  user.realmRoles.forEach(visitRealm);
  for (const [clientId, names] of Object.entries(user.clientRoles))
    names.forEach((n) => visitClient(clientId, n));
  return { realm: realmRoles, client: clientRoles };
}

/** The service-account user of a client. */
export function serviceAccountOf(realm: RealmModel, clientId: string): UserModel | undefined {
  return [...realm.users.values()].find((u) => u.serviceAccountClientId === clientId);
}
