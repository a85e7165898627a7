/**
 * deploy/keycloak/seriktes-realm.json is a Keycloak 26 realm export that Keycloak imports
 * unchanged (`kc.sh start --import-realm`) and identity-dev serves. `checkRealm` reads it against
 * Keycloak's export format and this platform's needs and reports every problem at once; the
 * second half of this file feeds it broken copies to prove each check can fail.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DISTRICT_CODE_PATTERN, PARTNER_ORG_ID_PATTERN, PRECINCT_CODE_PATTERN, REGION_CODE_PATTERN } from '@seriktes/contracts';
import { ALL_ROLES, KEYCLOAK_BUILT_IN_CLIENT_SCOPES, SERVICE_CLIENTS } from '@seriktes/auth';
import { DEMO_USERS } from '@seriktes/testing';
import { ROOT } from './workspace';

const REALM_FILE = join(ROOT, 'deploy', 'keycloak', 'seriktes-realm.json');

/** The scope attributes and their patterns: the territory codes of libs/contracts. */
export const SCOPE_ATTRIBUTES: Record<string, string> = {
  region_code: REGION_CODE_PATTERN,
  district_code: DISTRICT_CODE_PATTERN,
  precinct_code: PRECINCT_CODE_PATTERN,
  partner_org_id: PARTNER_ORG_ID_PATTERN,
};

/** Client scopes Keycloak 26 creates in a realm imported without `clientScopes`. */
const BUILT_IN_SCOPES = new Set<string>(KEYCLOAK_BUILT_IN_CLIENT_SCOPES);
/** Roles Keycloak creates itself on import (the default role of realm `seriktes` and its composites). */
const BUILT_IN_REALM_ROLES = new Set(['default-roles-seriktes', 'offline_access', 'uma_authorization']);
/** Clients Keycloak creates itself on import, with the roles others may reference. */
const BUILT_IN_CLIENTS: Record<string, string[]> = {
  account: [
    'view-profile',
    'manage-account',
    'manage-account-links',
    'view-applications',
    'view-consent',
    'manage-consent',
    'view-groups',
    'delete-account',
  ],
  'account-console': [],
  'admin-cli': [],
  broker: ['read-token'],
  'realm-management': [
    'view-users',
    'query-users',
    'manage-users',
    'view-realm',
    'manage-realm',
    'view-clients',
    'query-clients',
    'manage-clients',
    'view-events',
    'manage-events',
    'query-groups',
    'realm-admin',
  ],
  'security-admin-console': [],
};

type Kind = 'string' | 'boolean' | 'number' | 'array' | 'object';
/** The RealmRepresentation fields this file may use, with their JSON types (a typo is a silent no-op in Keycloak). */
const REALM_FIELDS: Record<string, Kind> = {
  id: 'string',
  realm: 'string',
  displayName: 'string',
  displayNameHtml: 'string',
  enabled: 'boolean',
  sslRequired: 'string',
  registrationAllowed: 'boolean',
  registrationEmailAsUsername: 'boolean',
  rememberMe: 'boolean',
  verifyEmail: 'boolean',
  loginWithEmailAllowed: 'boolean',
  duplicateEmailsAllowed: 'boolean',
  resetPasswordAllowed: 'boolean',
  editUsernameAllowed: 'boolean',
  bruteForceProtected: 'boolean',
  permanentLockout: 'boolean',
  maxTemporaryLockouts: 'number',
  failureFactor: 'number',
  waitIncrementSeconds: 'number',
  quickLoginCheckMilliSeconds: 'number',
  minimumQuickLoginWaitSeconds: 'number',
  maxFailureWaitSeconds: 'number',
  maxDeltaTimeSeconds: 'number',
  defaultSignatureAlgorithm: 'string',
  revokeRefreshToken: 'boolean',
  refreshTokenMaxReuse: 'number',
  accessTokenLifespan: 'number',
  accessTokenLifespanForImplicitFlow: 'number',
  ssoSessionIdleTimeout: 'number',
  ssoSessionMaxLifespan: 'number',
  offlineSessionIdleTimeout: 'number',
  offlineSessionMaxLifespanEnabled: 'boolean',
  offlineSessionMaxLifespan: 'number',
  accessCodeLifespan: 'number',
  accessCodeLifespanUserAction: 'number',
  accessCodeLifespanLogin: 'number',
  internationalizationEnabled: 'boolean',
  supportedLocales: 'array',
  defaultLocale: 'string',
  roles: 'object',
  defaultRole: 'object',
  groups: 'array',
  clients: 'array',
  users: 'array',
  components: 'object',
  attributes: 'object',
};
const REQUIRED_REALM_FIELDS = [
  'realm',
  'enabled',
  'sslRequired',
  'accessTokenLifespan',
  'ssoSessionIdleTimeout',
  'ssoSessionMaxLifespan',
  'roles',
  'clients',
  'users',
  'components',
];
const CLIENT_FIELDS: Record<string, Kind> = {
  id: 'string',
  clientId: 'string',
  name: 'string',
  description: 'string',
  rootUrl: 'string',
  baseUrl: 'string',
  enabled: 'boolean',
  protocol: 'string',
  publicClient: 'boolean',
  bearerOnly: 'boolean',
  clientAuthenticatorType: 'string',
  secret: 'string',
  standardFlowEnabled: 'boolean',
  implicitFlowEnabled: 'boolean',
  directAccessGrantsEnabled: 'boolean',
  serviceAccountsEnabled: 'boolean',
  consentRequired: 'boolean',
  fullScopeAllowed: 'boolean',
  frontchannelLogout: 'boolean',
  redirectUris: 'array',
  webOrigins: 'array',
  attributes: 'object',
  defaultClientScopes: 'array',
  optionalClientScopes: 'array',
  protocolMappers: 'array',
};
const USER_FIELDS: Record<string, Kind> = {
  id: 'string',
  username: 'string',
  enabled: 'boolean',
  emailVerified: 'boolean',
  firstName: 'string',
  lastName: 'string',
  email: 'string',
  attributes: 'object',
  credentials: 'array',
  requiredActions: 'array',
  realmRoles: 'array',
  clientRoles: 'object',
  groups: 'array',
  serviceAccountClientId: 'string',
};
const ROLE_FIELDS: Record<string, Kind> = {
  id: 'string',
  name: 'string',
  description: 'string',
  composite: 'boolean',
  composites: 'object',
  clientRole: 'boolean',
  containerId: 'string',
  attributes: 'object',
};
const MAPPER_FIELDS: Record<string, Kind> = {
  id: 'string',
  name: 'string',
  protocol: 'string',
  protocolMapper: 'string',
  consentRequired: 'boolean',
  config: 'object',
};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const kindOf = (value: unknown): Kind | 'null' =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : (typeof value as Kind);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const objects = (value: unknown): Json[] => list(value).filter(isObject);
const upperSnake = (clientId: string) => clientId.toUpperCase().replace(/[^A-Z0-9]/g, '_');
const dup = <T>(items: T[]) => [...new Set(items.filter((item, i) => items.indexOf(item) !== i))];

function checkFields(where: string, value: Json, fields: Record<string, Kind>, problems: string[]): void {
  for (const [key, item] of Object.entries(value)) {
    const expected = fields[key];
    if (!expected)
      problems.push(
        `${where}: unknown field "${key}" (not used by this realm's Keycloak export format; a typo?)`,
      );
    else if (kindOf(item) !== expected)
      problems.push(`${where}: "${key}" must be a ${expected}, not ${kindOf(item)}`);
  }
}

/** Every problem of a realm export, each with where it is; empty when the realm is right. */
export function checkRealm(realm: unknown, rawText?: string): string[] {
  const problems: string[] = [];
  if (!isObject(realm)) return ['the realm file is not a JSON object'];

  // --- top level ----------------------------------------------------------------------------
  checkFields('realm', realm, REALM_FIELDS, problems);
  for (const key of REQUIRED_REALM_FIELDS)
    if (!(key in realm)) problems.push(`realm: required field "${key}" is missing`);
  if ('clientScopes' in realm) {
    problems.push(
      'realm: "clientScopes" must not be defined (Keycloak then skips creating its built-in scopes profile, email, roles, web-origins, acr, basic)',
    );
  }
  const expectSetting = (key: string, value: unknown) => {
    if (key in realm && realm[key] !== value)
      problems.push(`realm: "${key}" must be ${JSON.stringify(value)}, not ${JSON.stringify(realm[key])}`);
    else if (!(key in realm) && !REQUIRED_REALM_FIELDS.includes(key))
      problems.push(`realm: "${key}" must be set to ${JSON.stringify(value)}`);
  };
  expectSetting('realm', 'seriktes');
  expectSetting('enabled', true);
  expectSetting('sslRequired', 'external');
  expectSetting('accessTokenLifespan', 300);
  expectSetting('ssoSessionIdleTimeout', 1800);
  expectSetting('ssoSessionMaxLifespan', 36000);
  expectSetting('bruteForceProtected', true);
  expectSetting('registrationAllowed', false);
  expectSetting('defaultSignatureAlgorithm', 'RS256');

  // --- roles --------------------------------------------------------------------------------
  const roles = isObject(realm.roles) ? realm.roles : {};
  for (const key of Object.keys(roles))
    if (key !== 'realm' && key !== 'client') problems.push(`roles: unknown field "${key}"`);
  const realmRoleList = objects(roles.realm);
  if (!Array.isArray(roles.realm)) problems.push('roles.realm: must be an array of realm roles');
  realmRoleList.forEach((role, i) => checkFields(`roles.realm[${i}]`, role, ROLE_FIELDS, problems));
  const realmRoleNames = realmRoleList.map((r) => r.name).filter((n): n is string => typeof n === 'string');
  for (const name of dup(realmRoleNames)) problems.push(`roles.realm: duplicate role "${name}"`);
  for (const name of ALL_ROLES)
    if (!realmRoleNames.includes(name)) problems.push(`roles.realm: role "${name}" is missing`);
  for (const role of realmRoleList) {
    if (typeof role.name !== 'string' || !role.name) problems.push('roles.realm: a role has no name');
    else if (typeof role.description !== 'string' || !role.description.trim())
      problems.push(`roles.realm: role "${role.name}" has no description`);
  }
  for (const name of realmRoleNames) {
    if (name === 'default-roles-seriktes' && !isObject(realm.defaultRole)) {
      problems.push(
        'roles.realm: "default-roles-seriktes" is defined without "defaultRole" (Keycloak would then name its default role "default-roles-seriktes-1")',
      );
    }
  }
  const clientsList = objects(realm.clients);
  const clientIds = clientsList.map((c) => c.clientId).filter((c): c is string => typeof c === 'string');
  const allClientIds = new Set([...clientIds, ...Object.keys(BUILT_IN_CLIENTS)]);
  const realmRoleExists = (name: string) => realmRoleNames.includes(name) || BUILT_IN_REALM_ROLES.has(name);
  const clientRoleExists = (clientId: string, name: string) =>
    (BUILT_IN_CLIENTS[clientId] ?? []).includes(name) ||
    objects(isObject(roles.client) ? roles.client[clientId] : undefined).some((r) => r.name === name);
  const checkComposites = (where: string, role: Json) => {
    if (!isObject(role.composites)) return;
    for (const name of list(role.composites.realm)) {
      if (typeof name !== 'string' || !realmRoleExists(name))
        problems.push(`${where}: composite realm role "${String(name)}" does not exist`);
    }
    if (isObject(role.composites.client)) {
      for (const [clientId, names] of Object.entries(role.composites.client)) {
        if (!allClientIds.has(clientId))
          problems.push(`${where}: composite client roles of unknown client "${clientId}"`);
        else
          for (const name of list(names))
            if (typeof name !== 'string' || !clientRoleExists(clientId, name))
              problems.push(`${where}: composite client role "${clientId}:${String(name)}" does not exist`);
      }
    }
  };
  realmRoleList.forEach((role) => checkComposites(`roles.realm "${String(role.name)}"`, role));
  if (isObject(realm.defaultRole)) {
    if (realm.defaultRole.name !== 'default-roles-seriktes')
      problems.push('defaultRole: must be named "default-roles-seriktes"');
    checkComposites('defaultRole', realm.defaultRole);
  }
  if (isObject(roles.client)) {
    for (const [clientId, clientRoles] of Object.entries(roles.client)) {
      if (!clientIds.includes(clientId)) problems.push(`roles.client: "${clientId}" is not a defined client`);
      objects(clientRoles).forEach((role) =>
        checkComposites(`roles.client "${clientId}:${String(role.name)}"`, role),
      );
    }
  }

  // --- clients ------------------------------------------------------------------------------
  if (!Array.isArray(realm.clients)) problems.push('clients: must be an array');
  for (const id of dup(clientIds)) problems.push(`clients: duplicate clientId "${id}"`);
  const byId = new Map(clientsList.map((c) => [String(c.clientId), c]));
  for (const id of ['seriktes-console', ...SERVICE_CLIENTS, 'partner-ast-akimat'])
    if (!byId.has(id)) problems.push(`clients: client "${id}" is missing`);
  clientsList.forEach((client, i) => {
    const id = typeof client.clientId === 'string' ? client.clientId : `#${i}`;
    const where = `client "${id}"`;
    checkFields(where, client, CLIENT_FIELDS, problems);
    if (client.protocol !== undefined && client.protocol !== 'openid-connect')
      problems.push(`${where}: protocol must be "openid-connect"`);
    for (const field of ['defaultClientScopes', 'optionalClientScopes']) {
      for (const scope of list(client[field])) {
        if (typeof scope !== 'string' || !BUILT_IN_SCOPES.has(scope))
          problems.push(`${where}: ${field} names "${String(scope)}", which is not a built-in client scope`);
      }
    }
    const defaults = list(client.defaultClientScopes);
    for (const scope of ['basic', 'roles', 'profile', 'email', 'web-origins', 'acr']) {
      if (!defaults.includes(scope))
        problems.push(
          `${where}: defaultClientScopes lacks "${scope}"${scope === 'basic' ? ' (without it Keycloak 26 tokens have no sub)' : ''}`,
        );
    }
    const confidential = client.publicClient !== true && client.bearerOnly !== true;
    if (client.publicClient === true && 'secret' in client)
      problems.push(`${where}: a public client has no secret`);
    if (confidential) {
      const expected = `\${SERIKTES_CLIENT_SECRET_${upperSnake(id)}}`;
      if (client.secret !== expected) {
        problems.push(
          `${where}: secret must be the placeholder "${expected}" without a default (found ${client.secret === undefined ? 'none' : 'a literal secret or another placeholder'})`,
        );
      }
      if (client.clientAuthenticatorType !== 'client-secret')
        problems.push(`${where}: clientAuthenticatorType must be "client-secret"`);
    }
    const mappers = objects(client.protocolMappers);
    mappers.forEach((m, j) => {
      const mw = `${where} protocolMappers[${j}]${typeof m.name === 'string' ? ` "${m.name}"` : ''}`;
      checkFields(mw, m, MAPPER_FIELDS, problems);
      if (typeof m.name !== 'string' || !m.name) problems.push(`${mw}: no name`);
      if (m.protocol !== 'openid-connect') problems.push(`${mw}: protocol must be "openid-connect"`);
      if (isObject(m.config))
        for (const [k, v] of Object.entries(m.config))
          if (typeof v !== 'string') problems.push(`${mw}: config "${k}" must be a string`);
    });
    for (const name of dup(mappers.map((m) => m.name)))
      problems.push(
        `${where}: duplicate protocol mapper name "${String(name)}" (Keycloak refuses the import)`,
      );
    const issuesTokens = client.bearerOnly !== true;
    if (issuesTokens) {
      for (const attribute of Object.keys(SCOPE_ATTRIBUTES)) {
        const mapper = mappers.find(
          (m) =>
            m.protocolMapper === 'oidc-usermodel-attribute-mapper' &&
            isObject(m.config) &&
            m.config['user.attribute'] === attribute,
        );
        const config = (mapper?.config ?? {}) as Record<string, unknown>;
        if (!mapper) problems.push(`${where}: no oidc-usermodel-attribute-mapper for "${attribute}"`);
        else if (
          config['claim.name'] !== attribute ||
          config['jsonType.label'] !== 'String' ||
          config['access.token.claim'] !== 'true'
        ) {
          problems.push(
            `${where}: the "${attribute}" mapper must set claim.name "${attribute}", jsonType.label "String", access.token.claim "true"`,
          );
        }
      }
      const audiences = mappers
        .filter((m) => m.protocolMapper === 'oidc-audience-mapper' && isObject(m.config))
        .map((m) => ({
          audience: (m.config as Json)['included.client.audience'],
          access: (m.config as Json)['access.token.claim'],
        }));
      for (const { audience } of audiences) {
        if (typeof audience !== 'string' || !clientIds.includes(audience))
          problems.push(
            `${where}: audience mapper names "${String(audience)}", which is not a defined client`,
          );
      }
      for (const service of SERVICE_CLIENTS) {
        if (!audiences.some((a) => a.audience === service && a.access === 'true'))
          problems.push(`${where}: no audience mapper puts "${service}" into access tokens`);
      }
    }
  });
  const consoleClient = byId.get('seriktes-console');
  if (
    consoleClient &&
    (consoleClient.publicClient !== true ||
      consoleClient.directAccessGrantsEnabled !== true ||
      consoleClient.standardFlowEnabled !== true)
  ) {
    problems.push(
      'client "seriktes-console": must be public with the standard flow and direct access grants (development)',
    );
  }
  for (const id of [...SERVICE_CLIENTS, 'partner-ast-akimat']) {
    const client = byId.get(id);
    if (!client) continue;
    const wanted = {
      publicClient: false,
      serviceAccountsEnabled: true,
      standardFlowEnabled: false,
      directAccessGrantsEnabled: false,
    };
    for (const [key, value] of Object.entries(wanted))
      if (client[key] !== value) problems.push(`client "${id}": "${key}" must be ${String(value)}`);
  }

  // --- user profile -------------------------------------------------------------------------
  const components = isObject(realm.components) ? realm.components : {};
  const profiles = objects(components['org.keycloak.userprofile.UserProfileProvider']);
  if (profiles.length !== 1)
    problems.push(
      'components: exactly one "org.keycloak.userprofile.UserProfileProvider" component is needed (the declarative user profile)',
    );
  const declared = new Map<string, Json>();
  for (const component of profiles) {
    if (component.providerId !== 'declarative-user-profile')
      problems.push('user profile: providerId must be "declarative-user-profile"');
    const raw = isObject(component.config) ? component.config['kc.user.profile.config'] : undefined;
    const text = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
    if (typeof text !== 'string') {
      problems.push(
        'user profile: config "kc.user.profile.config" must be one JSON string (in a one-element array, as Keycloak exports it)',
      );
      continue;
    }
    let config: unknown;
    try {
      config = JSON.parse(text);
    } catch (error) {
      problems.push(`user profile: "kc.user.profile.config" is not JSON (${(error as Error).message})`);
      continue;
    }
    if (!isObject(config)) continue;
    if (config.unmanagedAttributePolicy !== undefined)
      problems.push('user profile: unmanagedAttributePolicy must stay unset (every attribute is declared)');
    for (const attribute of objects(config.attributes))
      if (typeof attribute.name === 'string') declared.set(attribute.name, attribute);
    const groups = objects(config.groups).map((g) => g.name);
    for (const attribute of declared.values()) {
      if (attribute.group !== undefined && !groups.includes(attribute.group))
        problems.push(
          `user profile: attribute "${String(attribute.name)}" is in undeclared group "${String(attribute.group)}"`,
        );
    }
  }
  for (const name of ['username', 'email', 'firstName', 'lastName'])
    if (profiles.length && !declared.has(name))
      problems.push(`user profile: standard attribute "${name}" is not declared`);
  for (const [name, pattern] of Object.entries(SCOPE_ATTRIBUTES)) {
    const attribute = declared.get(name);
    if (!attribute) {
      if (profiles.length)
        problems.push(
          `user profile: attribute "${name}" is not declared (Keycloak drops unmanaged attributes)`,
        );
      continue;
    }
    const validations = isObject(attribute.validations) ? attribute.validations : {};
    const patternValidation = isObject(validations.pattern) ? validations.pattern.pattern : undefined;
    if (patternValidation !== pattern)
      problems.push(`user profile: attribute "${name}" must be validated by pattern ${pattern}`);
    const permissions = isObject(attribute.permissions) ? attribute.permissions : {};
    if (
      JSON.stringify(permissions.edit) !== '["admin"]' ||
      JSON.stringify(permissions.view) !== '["admin"]'
    ) {
      problems.push(`user profile: attribute "${name}" must be viewable and editable by admin only`);
    }
  }

  // --- users --------------------------------------------------------------------------------
  const users = objects(realm.users);
  if (!Array.isArray(realm.users)) problems.push('users: must be an array');
  const usernames = users.map((u) => (typeof u.username === 'string' ? u.username.toLowerCase() : ''));
  for (const name of dup(usernames)) problems.push(`users: duplicate username "${name}"`);
  for (const id of dup(users.map((u) => u.id).filter((x) => x !== undefined)))
    problems.push(`users: duplicate id "${String(id)}"`);
  for (const email of dup(users.map((u) => u.email).filter((x) => x !== undefined)))
    problems.push(`users: duplicate email "${String(email)}"`);
  users.forEach((user, i) => {
    const where = `user "${typeof user.username === 'string' ? user.username : `#${i}`}"`;
    checkFields(where, user, USER_FIELDS, problems);
    if (typeof user.username !== 'string' || user.username !== user.username.toLowerCase())
      problems.push(`${where}: username must be lower case (Keycloak lower-cases it)`);
    for (const role of list(user.realmRoles))
      if (typeof role !== 'string' || !realmRoleExists(role))
        problems.push(`${where}: realm role "${String(role)}" does not exist`);
    if (!list(user.realmRoles).includes('default-roles-seriktes'))
      problems.push(
        `${where}: realmRoles lacks "default-roles-seriktes" (an import does not add default roles)`,
      );
    if (isObject(user.clientRoles)) {
      for (const [clientId, names] of Object.entries(user.clientRoles)) {
        if (!allClientIds.has(clientId))
          problems.push(`${where}: clientRoles names "${clientId}", which is not a defined client`);
        else
          for (const name of list(names))
            if (typeof name !== 'string' || !clientRoleExists(clientId, name))
              problems.push(`${where}: client role "${clientId}:${String(name)}" does not exist`);
      }
    }
    if (isObject(user.attributes)) {
      for (const [name, values] of Object.entries(user.attributes)) {
        if (!Array.isArray(values) || values.some((v) => typeof v !== 'string'))
          problems.push(`${where}: attribute "${name}" must be an array of strings`);
        if (!declared.has(name))
          problems.push(
            `${where}: attribute "${name}" is not declared in the user profile (Keycloak would drop it)`,
          );
        const pattern = SCOPE_ATTRIBUTES[name];
        if (pattern && Array.isArray(values))
          for (const v of values)
            if (typeof v === 'string' && !new RegExp(pattern).test(v))
              problems.push(`${where}: attribute "${name}" value "${v}" does not match ${pattern}`);
      }
    }
    for (const credential of objects(user.credentials)) {
      if (
        credential.type !== 'password' ||
        typeof credential.value !== 'string' ||
        credential.temporary !== false
      ) {
        problems.push(`${where}: credentials must be {type: "password", value, temporary: false}`);
      }
    }
    if (user.serviceAccountClientId !== undefined) {
      const client = byId.get(String(user.serviceAccountClientId));
      if (!client)
        problems.push(
          `${where}: serviceAccountClientId "${String(user.serviceAccountClientId)}" is not a defined client`,
        );
      else if (client.serviceAccountsEnabled !== true)
        problems.push(
          `${where}: client "${String(user.serviceAccountClientId)}" has no service account enabled`,
        );
      if (user.username !== `service-account-${String(user.serviceAccountClientId)}`)
        problems.push(`${where}: a service-account user is named "service-account-<clientId>"`);
      if (list(user.credentials).length) problems.push(`${where}: a service account has no credentials`);
    }
  });
  for (const client of clientsList.filter((c) => c.serviceAccountsEnabled === true)) {
    const accounts = users.filter((u) => u.serviceAccountClientId === client.clientId);
    if (accounts.length !== 1)
      problems.push(
        `client "${String(client.clientId)}": needs exactly one service-account user, found ${accounts.length}`,
      );
  }
  const userNamed = (name: string) => users.find((u) => u.username === name);
  for (const id of SERVICE_CLIENTS) {
    const account = userNamed(`service-account-${id}`);
    if (account && !list(account.realmRoles).includes('platform_service'))
      problems.push(`user "service-account-${id}": lacks realm role "platform_service"`);
  }
  const akimat = userNamed('service-account-partner-ast-akimat');
  if (akimat) {
    if (!list(akimat.realmRoles).includes('partner'))
      problems.push('user "service-account-partner-ast-akimat": lacks realm role "partner"');
    if (list(akimat.realmRoles).includes('platform_service'))
      problems.push(
        'user "service-account-partner-ast-akimat": must not have "platform_service" (it is not a platform service)',
      );
    const attributes = isObject(akimat.attributes) ? akimat.attributes : {};
    if (
      JSON.stringify(attributes.region_code) !== '["AST"]' ||
      JSON.stringify(attributes.partner_org_id) !== '["ast-akimat"]'
    ) {
      problems.push(
        'user "service-account-partner-ast-akimat": attributes must be region_code ["AST"] and partner_org_id ["ast-akimat"]',
      );
    }
  }
  for (const [username, role, attributes] of DEMO_USERS) {
    const user = userNamed(username);
    if (!user) {
      problems.push(`demo user "${username}" is missing`);
      continue;
    }
    const roleList = list(user.realmRoles).filter((r) => !BUILT_IN_REALM_ROLES.has(String(r)));
    if (JSON.stringify(roleList) !== JSON.stringify([role]))
      problems.push(
        `demo user "${username}": realm roles must be ["${role}"], found ${JSON.stringify(roleList)}`,
      );
    const actual = Object.fromEntries(
      Object.entries(isObject(user.attributes) ? user.attributes : {})
        .filter(([name]) => name in SCOPE_ATTRIBUTES)
        .map(([name, values]) => [name, list(values)]),
    );
    const expected = Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, [value]]));
    if (
      JSON.stringify(actual, Object.keys(actual).sort()) !==
      JSON.stringify(expected, Object.keys(expected).sort())
    ) {
      problems.push(
        `demo user "${username}": scope attributes must be ${JSON.stringify(expected)}, found ${JSON.stringify(actual)}`,
      );
    }
    if (user.enabled !== true || user.emailVerified !== true)
      problems.push(`demo user "${username}": must be enabled with a verified e-mail`);
    if (
      !objects(user.credentials).some(
        (c) => c.type === 'password' && c.value === 'demo' && c.temporary === false,
      )
    ) {
      problems.push(`demo user "${username}": password must be "demo", not temporary`);
    }
    if (typeof user.firstName !== 'string' || typeof user.lastName !== 'string')
      problems.push(`demo user "${username}": needs first and last name`);
  }

  // --- secrets and ids anywhere -------------------------------------------------------------
  const ids: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}[${i}]`));
    else if (isObject(value)) {
      for (const [key, item] of Object.entries(value)) {
        if (key === 'id' && typeof item === 'string') ids.push(item);
        if (
          /^(secret|clientSecret|privateKey|secretData|bindCredential)$/.test(key) &&
          !(typeof item === 'string' && /^\$\{SERIKTES_CLIENT_SECRET_[A-Z0-9_]+\}$/.test(item))
        ) {
          problems.push(
            `${path}.${key}: a literal secret is committed (use a \${SERIKTES_CLIENT_SECRET_...} placeholder)`,
          );
        }
        walk(item, `${path}.${key}`);
      }
    }
  };
  walk(realm, 'realm');
  for (const id of dup(ids)) problems.push(`realm: duplicate id "${id}"`);
  if (rawText !== undefined) {
    // Keycloak replaces every ${...} in the file from the environment: only secret placeholders belong there.
    for (const match of rawText.matchAll(/\$\{[^}"]*\}?/g)) {
      if (!/^\$\{SERIKTES_CLIENT_SECRET_[A-Z0-9_]+\}$/.test(match[0]))
        problems.push(
          `realm file: placeholder "${match[0]}" is not a client secret placeholder (Keycloak would replace it at import)`,
        );
    }
  }
  return problems;
}

// ---- the tests ------------------------------------------------------------------------------

const rawText = readFileSync(REALM_FILE, 'utf8');
const realm = JSON.parse(rawText) as Json;
const copy = (): Json => JSON.parse(rawText) as Json;
const clientOf = (r: Json, id: string) => (r.clients as Json[]).find((c) => c.clientId === id)!;
const userOf = (r: Json, name: string) => (r.users as Json[]).find((u) => u.username === name)!;
const profileOf = (r: Json) => {
  const component = ((r.components as Json)['org.keycloak.userprofile.UserProfileProvider'] as Json[])[0];
  const config = component.config as Record<string, string[]>;
  return {
    get: () =>
      JSON.parse(config['kc.user.profile.config'][0]) as {
        attributes: Json[];
        unmanagedAttributePolicy?: string;
      },
    set: (value: unknown) => (config['kc.user.profile.config'] = [JSON.stringify(value)]),
  };
};

describe('deploy/keycloak/seriktes-realm.json', () => {
  it('passes every check', () => {
    expect(checkRealm(realm, rawText)).toEqual([]);
  });
});

describe('checkRealm finds what is wrong', () => {
  const cases: Array<[string, (r: Json) => void, string[]]> = [
    [
      'a missing required key and a wrong type',
      (r) => {
        delete r.users;
        r.accessTokenLifespan = '300';
      },
      [
        'realm: required field "users" is missing',
        'realm: "accessTokenLifespan" must be a number, not string',
      ],
    ],
    [
      'a typo in a field name',
      (r) => {
        clientOf(r, 'gateway').publicClent = false;
      },
      [
        'client "gateway": unknown field "publicClent" (not used by this realm\'s Keycloak export format; a typo?)',
      ],
    ],
    [
      'realm-level client scopes',
      (r) => {
        r.clientScopes = [];
      },
      [
        'realm: "clientScopes" must not be defined (Keycloak then skips creating its built-in scopes profile, email, roles, web-origins, acr, basic)',
      ],
    ],
    [
      'wrong realm settings',
      (r) => {
        Object.assign(r, { sslRequired: 'none', registrationAllowed: true, accessTokenLifespan: 3600 });
        delete r.bruteForceProtected;
      },
      [
        'realm: "sslRequired" must be "external", not "none"',
        'realm: "registrationAllowed" must be false, not true',
        'realm: "accessTokenLifespan" must be 300, not 3600',
        'realm: "bruteForceProtected" must be set to true',
      ],
    ],
    [
      'a missing role and a role without description',
      (r) => {
        const list = (r.roles as Json).realm as Json[];
        (r.roles as Json).realm = list.filter((x) => x.name !== 'hr_planner');
        ((r.roles as Json).realm as Json[])[0].description = '';
      },
      ['roles.realm: role "hr_planner" is missing', 'roles.realm: role "citizen" has no description'],
    ],
    [
      'a user role that does not exist',
      (r) => {
        userOf(r, 'hq').realmRoles = ['ministry', 'default-roles-seriktes'];
      },
      [
        'user "hq": realm role "ministry" does not exist',
        'demo user "hq": realm roles must be ["ministry_hq"], found ["ministry"]',
      ],
    ],
    [
      'composites of missing roles',
      (r) => {
        const admin = ((r.roles as Json).realm as Json[]).find((x) => x.name === 'platform_admin')!;
        Object.assign(admin, {
          composite: true,
          composites: { realm: ['superuser'], client: { account: ['fly'], nowhere: ['x'] } },
        });
        r.defaultRole = {
          name: 'default-roles-seriktes',
          composite: true,
          composites: { realm: ['offline_access', 'ghost'] },
        };
      },
      [
        'roles.realm "platform_admin": composite realm role "superuser" does not exist',
        'roles.realm "platform_admin": composite client role "account:fly" does not exist',
        'roles.realm "platform_admin": composite client roles of unknown client "nowhere"',
        'defaultRole: composite realm role "ghost" does not exist',
      ],
    ],
    [
      'client roles and service accounts of unknown clients',
      (r) => {
        userOf(r, 'admin').clientRoles = { 'realm-managment': ['view-users'], 'realm-management': ['fly'] };
        userOf(r, 'service-account-partner-hub').serviceAccountClientId = 'partner-hubb';
      },
      [
        'user "admin": clientRoles names "realm-managment", which is not a defined client',
        'user "admin": client role "realm-management:fly" does not exist',
        'user "service-account-partner-hub": serviceAccountClientId "partner-hubb" is not a defined client',
        'client "partner-hub": needs exactly one service-account user, found 0',
      ],
    ],
    [
      'a scope that is not built in, and a missing basic scope',
      (r) => {
        clientOf(r, 'inspector-roster').defaultClientScopes = [
          'web-origins',
          'acr',
          'profile',
          'roles',
          'email',
          'jurisdiction',
        ];
        clientOf(r, 'seriktes-console').optionalClientScopes = ['offline-access'];
      },
      [
        'client "inspector-roster": defaultClientScopes names "jurisdiction", which is not a built-in client scope',
        'client "inspector-roster": defaultClientScopes lacks "basic" (without it Keycloak 26 tokens have no sub)',
        'client "seriktes-console": optionalClientScopes names "offline-access", which is not a built-in client scope',
      ],
    ],
    [
      'missing attribute and audience mappers, an audience of no client',
      (r) => {
        const client = clientOf(r, 'seriktes-console');
        const mappers = client.protocolMappers as Json[];
        client.protocolMappers = mappers
          .filter((m) => m.name !== 'precinct_code' && m.name !== 'audience staffing-forecast')
          .map((m) =>
            m.name === 'audience gateway'
              ? { ...m, config: { ...(m.config as Json), 'included.client.audience': 'gatewy' } }
              : m,
          );
        const region = (clientOf(r, 'partner-hub').protocolMappers as Json[]).find(
          (m) => m.name === 'region_code',
        )!;
        (region.config as Json)['access.token.claim'] = 'false';
      },
      [
        'client "seriktes-console": no oidc-usermodel-attribute-mapper for "precinct_code"',
        'client "seriktes-console": audience mapper names "gatewy", which is not a defined client',
        'client "seriktes-console": no audience mapper puts "gateway" into access tokens',
        'client "seriktes-console": no audience mapper puts "staffing-forecast" into access tokens',
        'client "partner-hub": the "region_code" mapper must set claim.name "region_code", jsonType.label "String", access.token.claim "true"',
      ],
    ],
    [
      'duplicate mapper names, clients, users and ids',
      (r) => {
        const client = clientOf(r, 'gateway');
        client.protocolMappers = [
          ...(client.protocolMappers as Json[]),
          (client.protocolMappers as Json[])[0],
        ];
        (r.clients as Json[]).push({ ...clientOf(r, 'feedback-surveys') });
        (r.users as Json[]).push({ ...userOf(r, 'citizen.demo'), email: 'other@seriktes.example' });
      },
      [
        'client "gateway": duplicate protocol mapper name "region_code" (Keycloak refuses the import)',
        'clients: duplicate clientId "feedback-surveys"',
        'users: duplicate username "citizen.demo"',
        `users: duplicate id "${String(userOf(realm, 'citizen.demo').id)}"`,
        `realm: duplicate id "${String(userOf(realm, 'citizen.demo').id)}"`,
      ],
    ],
    [
      'literal or misnamed secrets',
      (r) => {
        clientOf(r, 'gateway').secret = 'hunter2';
        clientOf(r, 'partner-ast-akimat').secret = '${SERIKTES_CLIENT_SECRET_PARTNER_AST_AKIMAT:dev}';
        clientOf(r, 'citizen-requests').secret = '${SERIKTES_CLIENT_SECRET_GATEWAY}';
        clientOf(r, 'seriktes-console').secret = 'x';
      },
      [
        'client "gateway": secret must be the placeholder "${SERIKTES_CLIENT_SECRET_GATEWAY}" without a default (found a literal secret or another placeholder)',
        'client "partner-ast-akimat": secret must be the placeholder "${SERIKTES_CLIENT_SECRET_PARTNER_AST_AKIMAT}" without a default (found a literal secret or another placeholder)',
        'client "citizen-requests": secret must be the placeholder "${SERIKTES_CLIENT_SECRET_CITIZEN_REQUESTS}" without a default (found a literal secret or another placeholder)',
        'client "seriktes-console": a public client has no secret',
        'realm.clients[1].secret: a literal secret is committed (use a ${SERIKTES_CLIENT_SECRET_...} placeholder)',
        'realm.clients[8].secret: a literal secret is committed (use a ${SERIKTES_CLIENT_SECRET_...} placeholder)',
        'realm.clients[0].secret: a literal secret is committed (use a ${SERIKTES_CLIENT_SECRET_...} placeholder)',
      ],
    ],
    [
      'a user profile that does not declare the scope attributes',
      (r) => {
        const profile = profileOf(r);
        const config = profile.get();
        config.attributes = config.attributes.filter((a) => a.name !== 'partner_org_id');
        const region = config.attributes.find((a) => a.name === 'region_code')!;
        region.permissions = { view: ['admin', 'user'], edit: ['admin', 'user'] };
        region.validations = {};
        profile.set(config);
      },
      [
        'user profile: attribute "partner_org_id" is not declared (Keycloak drops unmanaged attributes)',
        'user profile: attribute "region_code" must be validated by pattern ^[A-Z]{3}$',
        'user profile: attribute "region_code" must be viewable and editable by admin only',
        'user "ast.akimat": attribute "partner_org_id" is not declared in the user profile (Keycloak would drop it)',
        'user "service-account-partner-ast-akimat": attribute "partner_org_id" is not declared in the user profile (Keycloak would drop it)',
      ],
    ],
    [
      'a user profile that is not JSON',
      (r) => {
        (
          ((r.components as Json)['org.keycloak.userprofile.UserProfileProvider'] as Json[])[0].config as Json
        )['kc.user.profile.config'] = ['{"attributes": ['];
      },
      ['user profile: "kc.user.profile.config" is not JSON (Unexpected end of JSON input)'],
    ],
    [
      'demo users with the wrong role or scope, or missing',
      (r) => {
        userOf(r, 'ast.esil.02').attributes = {
          region_code: ['AST'],
          district_code: ['AST-ESL'],
          precinct_code: ['AST-ESL-01'],
        };
        userOf(r, 'ast.akimat').attributes = { region_code: ['ast'], partner_org_id: ['ast-akimat'] };
        r.users = (r.users as Json[]).filter((u) => u.username !== 'audit.prosecutor');
        userOf(r, 'admin').credentials = [{ type: 'password', value: 'demo', temporary: true }];
      },
      [
        'demo user "ast.esil.02": scope attributes must be {"region_code":["AST"],"district_code":["AST-ESL"],"precinct_code":["AST-ESL-02"]}, found {"region_code":["AST"],"district_code":["AST-ESL"],"precinct_code":["AST-ESL-01"]}',
        'user "ast.akimat": attribute "region_code" value "ast" does not match ^[A-Z]{3}$',
        'demo user "audit.prosecutor" is missing',
        'user "admin": credentials must be {type: "password", value, temporary: false}',
        'demo user "admin": password must be "demo", not temporary',
      ],
    ],
    [
      'service accounts without their roles or scope',
      (r) => {
        userOf(r, 'service-account-gateway').realmRoles = ['default-roles-seriktes'];
        userOf(r, 'service-account-partner-ast-akimat').realmRoles = [
          'default-roles-seriktes',
          'platform_service',
        ];
        userOf(r, 'service-account-partner-ast-akimat').attributes = { region_code: ['AST'] };
      },
      [
        'user "service-account-gateway": lacks realm role "platform_service"',
        'user "service-account-partner-ast-akimat": lacks realm role "partner"',
        'user "service-account-partner-ast-akimat": must not have "platform_service" (it is not a platform service)',
        'user "service-account-partner-ast-akimat": attributes must be region_code ["AST"] and partner_org_id ["ast-akimat"]',
      ],
    ],
    [
      'a service client that is not confidential with a service account',
      (r) => {
        Object.assign(clientOf(r, 'staffing-forecast'), {
          directAccessGrantsEnabled: true,
          standardFlowEnabled: true,
        });
      },
      [
        'client "staffing-forecast": "standardFlowEnabled" must be false',
        'client "staffing-forecast": "directAccessGrantsEnabled" must be false',
      ],
    ],
  ];

  it.each(cases)('%s', (_name, breakIt, expected) => {
    const broken = copy();
    breakIt(broken);
    const problems = checkRealm(broken);
    expect(problems).toEqual(expect.arrayContaining(expected));
  });

  it('reports every problem of a copy broken in many ways at once', () => {
    const broken = copy();
    const several = cases.slice(1, 9);
    for (const [, breakIt] of several) breakIt(broken);
    expect(checkRealm(broken)).toEqual(expect.arrayContaining(several.flatMap(([, , expected]) => expected)));
  });

  it('reports placeholders that Keycloak would replace although they are not secrets', () => {
    const text = rawText.replace('"displayName": "Seriktes"', '"displayName": "${REALM_TITLE}"');
    expect(checkRealm(JSON.parse(text), text)).toEqual([
      'realm file: placeholder "${REALM_TITLE}" is not a client secret placeholder (Keycloak would replace it at import)',
    ]);
  });
});
