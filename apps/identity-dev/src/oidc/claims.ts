import { effectiveRoles, type ClientModel, type MapperModel, type RealmModel, type UserModel } from './realm';

/** Which token a claim goes into; a mapper's `<kind>.token.claim: "true"` puts it there. */
export type TokenKind = 'access' | 'id' | 'userinfo';
const FLAG: Record<TokenKind, string> = {
  access: 'access.token.claim',
  id: 'id.token.claim',
  userinfo: 'userinfo.token.claim',
};

export type Claims = Record<string, unknown>;

/** What a token is about: a user (or service account), the client it is issued to, its session notes. */
export interface Subject {
  realm: RealmModel;
  user: UserModel;
  client: ClientModel;
  /** The scopes in effect: the client's default scopes plus the optional ones requested. */
  scopes: ReadonlySet<string>;
  /** User-session notes (`client_id`, `clientHost`, `clientAddress` for service accounts). */
  notes: Record<string, string>;
}

/** Mapper types this provider applies; any other is skipped (and reported once at start-up). */
export const SUPPORTED_MAPPERS = new Set([
  'oidc-usermodel-attribute-mapper',
  'oidc-usermodel-property-mapper',
  'oidc-hardcoded-claim-mapper',
  'oidc-usersessionmodel-note-mapper',
  'oidc-audience-mapper',
]);

/** Sets `a.b.c` as nested objects, like Keycloak (`\.` keeps a literal dot). */
export function setClaim(claims: Claims, claimName: string, value: unknown): void {
  const parts = claimName.split(/(?<!\\)\./).map((p) => p.replace(/\\\./g, '.'));
  let target = claims;
  for (const part of parts.slice(0, -1)) {
    const next = target[part];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) target[part] = {};
    target = target[part] as Claims;
  }
  target[parts[parts.length - 1]] = value;
}

function convert(value: string, jsonType: string | undefined): unknown {
  switch ((jsonType ?? 'String').toLowerCase()) {
    case 'long':
    case 'int': {
      const n = Number(value);
      return Number.isFinite(n) ? Math.trunc(n) : undefined;
    }
    case 'boolean':
      return value === 'true' || value === 'on';
    case 'json':
      try {
        return JSON.parse(value) as unknown;
      } catch {
        return undefined;
      }
    default:
      return value;
  }
}

function mapped(values: string[], config: Record<string, string>): unknown {
  const converted = values.map((v) => convert(v, config['jsonType.label'])).filter((v) => v !== undefined);
  if (config.multivalued === 'true') return converted;
  return converted[0];
}

function userProperty(user: UserModel, property: string): string | undefined {
  switch (property) {
    case 'username':
      return user.username;
    case 'email':
      return user.email;
    case 'firstName':
      return user.firstName;
    case 'lastName':
      return user.lastName;
    case 'emailVerified':
      return String(user.emailVerified);
    case 'enabled':
      return String(user.enabled);
    default:
      return undefined;
  }
}

/** The claims of the client's protocol mappers for one kind of token (audience mappers excluded). */
export function mapperClaims(subject: Subject, kind: TokenKind): Claims {
  const claims: Claims = {};
  for (const mapper of subject.client.protocolMappers) {
    if (mapper.config[FLAG[kind]] !== 'true' || !mapper.config['claim.name']) continue;
    const value = mapperValue(mapper, subject);
    if (
      value !== undefined &&
      !(Array.isArray(value) && value.length === 0 && mapper.config.multivalued !== 'true')
    ) {
      setClaim(claims, mapper.config['claim.name'], value);
    }
  }
  return claims;
}

function mapperValue(mapper: MapperModel, subject: Subject): unknown {
  const { config } = mapper;
  switch (mapper.protocolMapper) {
    case 'oidc-usermodel-attribute-mapper': {
      const values = subject.user.attributes[config['user.attribute']] ?? [];
      return values.length ? mapped(values, config) : undefined;
    }
    case 'oidc-usermodel-property-mapper': {
      const value = userProperty(subject.user, config['user.attribute']);
      return value === undefined ? undefined : mapped([value], config);
    }
    case 'oidc-hardcoded-claim-mapper':
      return config['claim.value'] === undefined ? undefined : mapped([config['claim.value']], config);
    case 'oidc-usersessionmodel-note-mapper': {
      const note = subject.notes[config['user.session.note']];
      return note === undefined ? undefined : mapped([note], config);
    }
    default:
      return undefined;
  }
}

/** `aud` contributions of the client's audience mappers for one kind of token. */
export function mapperAudiences(subject: Subject, kind: TokenKind): string[] {
  return subject.client.protocolMappers
    .filter((m) => m.protocolMapper === 'oidc-audience-mapper' && m.config[FLAG[kind]] === 'true')
    .map((m) => m.config['included.client.audience'] || m.config['included.custom.audience'])
    .filter((a): a is string => Boolean(a));
}

/** The `profile` and `email` scope claims of Keycloak's built-in scopes. */
export function profileClaims(subject: Subject): Claims {
  const { user, scopes } = subject;
  const claims: Claims = {};
  if (scopes.has('email')) claims.email_verified = user.emailVerified;
  if (scopes.has('profile')) {
    const name = [user.firstName, user.lastName].filter(Boolean).join(' ');
    if (name) claims.name = name;
    claims.preferred_username = user.username;
    if (user.firstName) claims.given_name = user.firstName;
    if (user.lastName) claims.family_name = user.lastName;
  }
  if (scopes.has('email') && user.email) claims.email = user.email;
  return claims;
}

/** `realm_access`, `resource_access` and the audience Keycloak's `roles` scope adds (clients the user has roles of). */
export function roleClaims(subject: Subject): { claims: Claims; audiences: string[] } {
  if (!subject.scopes.has('roles')) return { claims: {}, audiences: [] };
  const roles = effectiveRoles(subject.realm, subject.user);
  const claims: Claims = {};
  if (roles.realm.length) claims.realm_access = { roles: roles.realm };
  const resourceAccess = Object.fromEntries(
    Object.entries(roles.client)
      .filter(([, names]) => names.length)
      .map(([id, names]) => [id, { roles: names }]),
  );
  if (Object.keys(resourceAccess).length) claims.resource_access = resourceAccess;
  return { claims, audiences: Object.keys(resourceAccess).filter((id) => id !== subject.client.clientId) };
}

/** `aud` as Keycloak serialises it: a string when there is one audience, an array when more. */
export function audienceClaim(audiences: string[]): string | string[] | undefined {
  const unique = [...new Set(audiences)];
  if (unique.length === 0) return undefined;
  return unique.length === 1 ? unique[0] : unique;
}
