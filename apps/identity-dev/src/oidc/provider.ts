import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { compactVerify, SignJWT } from 'jose';
import {
  audienceClaim,
  mapperAudiences,
  mapperClaims,
  profileClaims,
  roleClaims,
  SUPPORTED_MAPPERS,
  type Claims,
  type Subject,
} from './claims';
import { errors, OAuthError } from './errors';
import type { SigningKey } from './keys';
import {
  SCOPES_IN_TOKEN,
  serviceAccountOf,
  type ClientModel,
  type RealmModel,
  type UserModel,
} from './realm';

/** One HTTP request, as the provider needs it (the controller fills it in). */
export interface OidcRequest {
  /** The `{realm}` path segment. */
  realm: string;
  /** Public base URL of the provider, without a trailing slash; the issuer is `<baseUrl>/realms/<realm>`. */
  baseUrl: string;
  /** The caller's IP address (service-account tokens carry it as `clientHost` / `clientAddress`). */
  clientAddress?: string;
  /** The `Authorization` header. */
  authorization?: string;
  /** The form (or query) parameters. */
  form?: Record<string, unknown>;
}

/** What to answer: status, JSON body (none for 204) and extra headers. */
export interface OidcAnswer {
  status: number;
  body?: unknown;
  headers: Record<string, string>;
}

export interface ProviderOptions {
  realm: RealmModel;
  key: SigningKey;
  /** Milliseconds since the epoch; tests inject one to mint tokens at another time. */
  clock?: () => number;
}

interface Session {
  id: string;
  userId: string;
  clientId: string;
  /** Seconds since the epoch. */
  started: number;
  lastRefresh: number;
  openid: boolean;
  scopes: string[];
  active: boolean;
}

interface Failures {
  count: number;
  last: number;
}

type Payload = Claims & {
  typ?: string;
  exp?: number;
  iat?: number;
  iss?: string;
  sub?: string;
  azp?: string;
  sid?: string;
  scope?: string;
};

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };
export const SUPPORTED_GRANT_TYPES = ['password', 'client_credentials', 'refresh_token'] as const;

const safeEqual = (a: string, b: string | undefined): boolean => {
  if (b === undefined) return false;
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right);
};

/** RFC 6749 section 2.3.1: Basic credentials are form-encoded before base64. */
function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/**
 * A Keycloak-compatible OpenID Connect provider over one realm export: the token endpoint
 * (password, client_credentials, refresh_token), JWKS, discovery, userinfo, introspection and
 * logout, with Keycloak's token shapes and error answers. Sessions live in memory.
 */
export class IdentityProvider {
  readonly realm: RealmModel;
  readonly key: SigningKey;
  private readonly clock: () => number;
  private readonly sessions = new Map<string, Session>();
  private readonly failures = new Map<string, Failures>();

  constructor(options: ProviderOptions) {
    this.realm = options.realm;
    this.key = options.key;
    this.clock = options.clock ?? Date.now;
  }

  /** Mapper types in the realm that this provider does not apply. */
  unsupportedMappers(): string[] {
    const types = new Set<string>();
    for (const client of this.realm.clients.values()) {
      for (const mapper of client.protocolMappers)
        if (!SUPPORTED_MAPPERS.has(mapper.protocolMapper)) types.add(mapper.protocolMapper);
    }
    return [...types];
  }

  issuer(baseUrl: string): string {
    return `${baseUrl.replace(/\/+$/, '')}/realms/${this.realm.name}`;
  }

  private now(): number {
    return Math.floor(this.clock() / 1000);
  }

  // ---- public endpoints -------------------------------------------------------------------

  discovery(request: OidcRequest): OidcAnswer {
    return this.answer(request, () => {
      const issuer = this.issuer(request.baseUrl);
      const oidc = `${issuer}/protocol/openid-connect`;
      return {
        status: 200,
        headers: {},
        body: {
          issuer,
          token_endpoint: `${oidc}/token`,
          introspection_endpoint: `${oidc}/token/introspect`,
          userinfo_endpoint: `${oidc}/userinfo`,
          end_session_endpoint: `${oidc}/logout`,
          jwks_uri: `${oidc}/certs`,
          grant_types_supported: [...SUPPORTED_GRANT_TYPES],
          response_types_supported: ['none'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          userinfo_signing_alg_values_supported: ['none'],
          introspection_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
          token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
          token_endpoint_auth_signing_alg_values_supported: ['RS256'],
          claims_supported: [
            'aud',
            'sub',
            'iss',
            'auth_time',
            'name',
            'given_name',
            'family_name',
            'preferred_username',
            'email',
            'email_verified',
            'acr',
            ...this.attributeClaimNames(),
          ],
          scopes_supported: ['openid', ...this.scopeNames()],
          claims_parameter_supported: false,
          request_parameter_supported: false,
          backchannel_logout_supported: false,
          frontchannel_logout_supported: false,
        },
      };
    });
  }

  /** `GET /realms/{realm}`: Keycloak's public realm information. */
  realmInfo(request: OidcRequest): OidcAnswer {
    return this.answer(request, () => {
      const issuer = this.issuer(request.baseUrl);
      return {
        status: 200,
        headers: {},
        body: {
          realm: this.realm.name,
          public_key: this.key.publicKeyBase64,
          'token-service': `${issuer}/protocol/openid-connect`,
          'account-service': `${issuer}/account`,
          'tokens-not-before': 0,
        },
      };
    });
  }

  certs(request: OidcRequest): OidcAnswer {
    return this.answer(request, () => ({ status: 200, headers: {}, body: { keys: [this.key.jwk] } }));
  }

  async token(request: OidcRequest): Promise<OidcAnswer> {
    return this.answerAsync(request, async () => {
      const grantType = this.param(request, 'grant_type');
      if (!grantType) throw errors.missingGrantType();
      if (!(SUPPORTED_GRANT_TYPES as readonly string[]).includes(grantType))
        throw errors.unsupportedGrantType();
      const client = this.authenticateClient(request);
      if (client.bearerOnly) throw new OAuthError(400, 'invalid_client', 'Bearer-only not allowed');
      switch (grantType) {
        case 'password':
          return this.passwordGrant(request, client);
        case 'client_credentials':
          return this.clientCredentialsGrant(request, client);
        default:
          return this.refreshGrant(request, client);
      }
    });
  }

  async introspect(request: OidcRequest): Promise<OidcAnswer> {
    return this.answerAsync(request, async () => {
      const client = this.authenticateClient(request);
      if (client.publicClient || client.bearerOnly) throw errors.publicClientIntrospection();
      const token = this.param(request, 'token');
      if (!token) throw errors.missingToken();
      const inactive = { status: 200, headers: NO_STORE, body: { active: false } };
      const payload = await this.verify(token, request.baseUrl);
      if (!payload || (payload.typ !== 'Bearer' && payload.typ !== 'Refresh')) return inactive;
      if (!this.liveSubject(payload)) return inactive;
      return {
        status: 200,
        headers: NO_STORE,
        body: {
          ...payload,
          client_id: payload.azp,
          username: payload.preferred_username ?? this.userById(String(payload.sub))?.username,
          token_type: payload.typ,
          active: true,
        },
      };
    });
  }

  async userinfo(request: OidcRequest): Promise<OidcAnswer> {
    return this.answerAsync(request, async () => {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(request.authorization ?? '');
      const token = match?.[1] ?? this.param(request, 'access_token');
      if (!token) throw errors.userinfoMissingToken(this.realm.name);
      const payload = await this.verify(token, request.baseUrl);
      if (!payload || payload.typ !== 'Bearer') throw errors.userinfoInvalidToken(this.realm.name);
      const live = this.liveSubject(payload);
      const client = payload.azp ? this.realm.clients.get(payload.azp) : undefined;
      if (!live || !client) throw errors.userinfoInvalidToken(this.realm.name);
      const tokenScopes = String(payload.scope ?? '').split(' ');
      if (!tokenScopes.includes('openid')) throw errors.userinfoMissingOpenid(this.realm.name);
      const subject = this.subject(
        live.user,
        client,
        live.session?.scopes ?? this.effectiveScopes(client, tokenScopes),
        this.notesFor(live.user, client, request),
      );
      return {
        status: 200,
        headers: NO_STORE,
        body: { sub: live.user.id, ...profileClaims(subject), ...mapperClaims(subject, 'userinfo') },
      };
    });
  }

  /** `POST .../logout` with `refresh_token` and client authentication: ends the session (204). */
  async logout(request: OidcRequest): Promise<OidcAnswer> {
    return this.answerAsync(request, async () => {
      const client = this.authenticateClient(request);
      const token = this.param(request, 'refresh_token');
      if (!token) throw errors.missingRefreshToken();
      const payload = await this.verify(token, request.baseUrl, { ignoreExpiry: true });
      if (!payload || payload.typ !== 'Refresh') throw errors.invalidRefreshToken();
      if (payload.azp !== client.clientId) throw errors.unmatchingClients();
      const session = payload.sid ? this.sessions.get(String(payload.sid)) : undefined;
      if (session) session.active = false;
      return { status: 204, headers: NO_STORE };
    });
  }

  // ---- grants -------------------------------------------------------------------------------

  private async passwordGrant(request: OidcRequest, client: ClientModel): Promise<OidcAnswer> {
    if (!client.directAccessGrantsEnabled) throw errors.directGrantsNotAllowed();
    const scope = this.requestedScopes(request, client);
    const username = this.param(request, 'username');
    if (!username) throw errors.missingUsername();
    const user = this.findUser(username);
    if (!user || user.serviceAccountClientId || user.password === undefined)
      throw errors.invalidUserCredentials();
    if (!user.enabled) throw errors.accountDisabled();
    if (this.lockedOut(user)) throw errors.invalidUserCredentials();
    const password = this.param(request, 'password');
    if (password === undefined || !safeEqual(password, user.password)) {
      this.recordFailure(user);
      throw errors.invalidUserCredentials();
    }
    this.failures.delete(user.username);
    const now = this.now();
    this.pruneSessions(now);
    const session: Session = {
      id: randomUUID(),
      userId: user.id,
      clientId: client.clientId,
      started: now,
      lastRefresh: now,
      openid: scope.openid,
      scopes: scope.scopes,
      active: true,
    };
    this.sessions.set(session.id, session);
    return this.issue(request, this.subject(user, client, session.scopes, {}), session, scope.openid);
  }

  private async clientCredentialsGrant(request: OidcRequest, client: ClientModel): Promise<OidcAnswer> {
    if (client.bearerOnly) throw errors.bearerOnlyServiceAccount();
    if (client.publicClient) throw errors.publicClientServiceAccount();
    if (!client.serviceAccountsEnabled) throw errors.serviceAccountsDisabled();
    const user = serviceAccountOf(this.realm, client.clientId);
    if (!user) throw errors.serviceAccountsDisabled();
    if (!user.enabled) throw errors.accountDisabled();
    const scope = this.requestedScopes(request, client);
    // Keycloak 26 gives client-credentials tokens a transient session: no `sid`, no refresh token.
    return this.issue(
      request,
      this.subject(user, client, scope.scopes, this.notesFor(user, client, request)),
      undefined,
      scope.openid,
    );
  }

  private async refreshGrant(request: OidcRequest, client: ClientModel): Promise<OidcAnswer> {
    const token = this.param(request, 'refresh_token');
    if (!token) throw errors.missingRefreshToken();
    const payload = await this.verify(token, request.baseUrl, { ignoreExpiry: true });
    if (!payload || payload.typ !== 'Refresh') throw errors.invalidRefreshToken();
    const now = this.now();
    if (typeof payload.exp !== 'number' || payload.exp < now) throw errors.refreshTokenExpired();
    if (payload.azp !== client.clientId) throw errors.unmatchingClients();
    const session = payload.sid ? this.sessions.get(String(payload.sid)) : undefined;
    if (!session || !this.sessionValid(session, now)) throw errors.sessionNotActive();
    const user = this.userById(session.userId);
    if (!user) throw errors.invalidRefreshToken();
    if (!user.enabled) throw new OAuthError(400, 'invalid_grant', 'User disabled');
    session.lastRefresh = now;
    return this.issue(request, this.subject(user, client, session.scopes, {}), session, session.openid);
  }

  // ---- tokens -------------------------------------------------------------------------------

  private async issue(
    request: OidcRequest,
    subject: Subject,
    session: Session | undefined,
    openid: boolean,
  ): Promise<OidcAnswer> {
    const now = this.now();
    const issuer = this.issuer(request.baseUrl);
    const scope = [
      ...(openid ? ['openid'] : []),
      ...[...subject.scopes].filter((s) => SCOPES_IN_TOKEN.has(s)),
    ].join(' ');
    let accessExp = now + this.realm.accessTokenLifespan;
    if (session) accessExp = Math.min(accessExp, session.started + this.realm.ssoSessionMaxLifespan);
    const access = await this.sign(
      this.accessClaims(subject, { issuer, now, exp: accessExp, session, scope }),
    );
    const body: Record<string, unknown> = { access_token: access, expires_in: accessExp - now };
    if (session) {
      const refreshExp = Math.min(
        now + this.realm.ssoSessionIdleTimeout,
        session.started + this.realm.ssoSessionMaxLifespan,
      );
      body.refresh_expires_in = refreshExp - now;
      body.refresh_token = await this.sign({
        exp: refreshExp,
        iat: now,
        jti: randomUUID(),
        iss: issuer,
        aud: issuer,
        sub: subject.user.id,
        typ: 'Refresh',
        azp: subject.client.clientId,
        sid: session.id,
        scope: [...(openid ? ['openid'] : []), ...subject.scopes].join(' '),
      });
    } else {
      body.refresh_expires_in = 0;
    }
    body.token_type = 'Bearer';
    if (openid)
      body.id_token = await this.sign(
        this.idClaims(subject, { issuer, now, exp: accessExp, session, accessToken: access }),
      );
    body['not-before-policy'] = 0;
    if (session) body.session_state = session.id;
    body.scope = scope;
    return { status: 200, headers: NO_STORE, body };
  }

  private accessClaims(
    subject: Subject,
    t: { issuer: string; now: number; exp: number; session?: Session; scope: string },
  ): Claims {
    const roles = roleClaims(subject);
    const audience = audienceClaim([...mapperAudiences(subject, 'access'), ...roles.audiences]);
    const origins = subject.client.webOrigins.filter((o) => o !== '+');
    const claims: Claims = { exp: t.exp, iat: t.now };
    if (t.session && subject.scopes.has('basic')) claims.auth_time = t.session.started;
    claims.jti = randomUUID();
    claims.iss = t.issuer;
    if (audience !== undefined) claims.aud = audience;
    if (subject.scopes.has('basic')) claims.sub = subject.user.id;
    claims.typ = 'Bearer';
    claims.azp = subject.client.clientId;
    if (t.session) claims.sid = t.session.id;
    if (subject.scopes.has('acr')) claims.acr = '1';
    if (subject.scopes.has('web-origins') && origins.length) claims['allowed-origins'] = origins;
    Object.assign(claims, roles.claims);
    claims.scope = t.scope;
    Object.assign(claims, profileClaims(subject), mapperClaims(subject, 'access'));
    return claims;
  }

  private idClaims(
    subject: Subject,
    t: { issuer: string; now: number; exp: number; session?: Session; accessToken: string },
  ): Claims {
    const claims: Claims = { exp: t.exp, iat: t.now };
    if (t.session && subject.scopes.has('basic')) claims.auth_time = t.session.started;
    claims.jti = randomUUID();
    claims.iss = t.issuer;
    claims.aud = audienceClaim([subject.client.clientId, ...mapperAudiences(subject, 'id')]);
    claims.sub = subject.user.id;
    claims.typ = 'ID';
    claims.azp = subject.client.clientId;
    if (t.session) claims.sid = t.session.id;
    claims.at_hash = createHash('sha256')
      .update(t.accessToken)
      .digest()
      .subarray(0, 16)
      .toString('base64url');
    if (subject.scopes.has('acr')) claims.acr = '1';
    Object.assign(claims, profileClaims(subject), mapperClaims(subject, 'id'));
    return claims;
  }

  private async sign(claims: Claims): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.key.kid })
      .sign(this.key.privateKey);
  }

  /** The payload of a token this provider signed for this issuer, or `undefined`. */
  private async verify(
    token: string,
    baseUrl: string,
    options: { ignoreExpiry?: boolean } = {},
  ): Promise<Payload | undefined> {
    try {
      const { payload, protectedHeader } = await compactVerify(token, this.key.publicKey, {
        algorithms: ['RS256'],
      });
      if (protectedHeader.kid !== this.key.kid) return undefined;
      const claims = JSON.parse(new TextDecoder().decode(payload)) as Payload;
      if (claims.iss !== this.issuer(baseUrl)) return undefined;
      if (!options.ignoreExpiry && (typeof claims.exp !== 'number' || claims.exp < this.now()))
        return undefined;
      return claims;
    } catch {
      return undefined;
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** The user (and session) a verified token stands for, if they still exist and are active. */
  private liveSubject(payload: Payload): { user: UserModel; session?: Session } | undefined {
    const user = this.userById(String(payload.sub ?? ''));
    if (!user || !user.enabled) return undefined;
    if (payload.sid === undefined) return { user };
    const session = this.sessions.get(String(payload.sid));
    if (!session || !this.sessionValid(session, this.now()) || session.userId !== user.id) return undefined;
    return { user, session };
  }

  private sessionValid(session: Session, now: number): boolean {
    return (
      session.active &&
      now <= session.lastRefresh + this.realm.ssoSessionIdleTimeout &&
      now <= session.started + this.realm.ssoSessionMaxLifespan
    );
  }

  private pruneSessions(now: number): void {
    for (const [id, session] of this.sessions) if (!this.sessionValid(session, now)) this.sessions.delete(id);
  }

  private subject(
    user: UserModel,
    client: ClientModel,
    scopes: Iterable<string>,
    notes: Record<string, string>,
  ): Subject {
    return { realm: this.realm, user, client, scopes: new Set(scopes), notes };
  }

  private notesFor(user: UserModel, client: ClientModel, request: OidcRequest): Record<string, string> {
    if (user.serviceAccountClientId !== client.clientId) return {};
    const address = (request.clientAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
    return { client_id: client.clientId, clientHost: address, clientAddress: address };
  }

  private effectiveScopes(client: ClientModel, requested: string[]): string[] {
    return [
      ...client.defaultClientScopes,
      ...requested.filter((s) => client.optionalClientScopes.includes(s)),
    ];
  }

  private requestedScopes(request: OidcRequest, client: ClientModel): { openid: boolean; scopes: string[] } {
    const raw = this.param(request, 'scope') ?? '';
    const requested = raw.split(' ').filter(Boolean);
    const allowed = new Set(['openid', ...client.defaultClientScopes, ...client.optionalClientScopes]);
    if (requested.some((s) => !allowed.has(s))) throw errors.invalidScope(raw);
    if (requested.includes('offline_access'))
      throw new OAuthError(
        400,
        'invalid_scope',
        'offline_access: offline tokens are not supported by identity-dev',
      );
    return { openid: requested.includes('openid'), scopes: this.effectiveScopes(client, requested) };
  }

  private findUser(login: string): UserModel | undefined {
    const key = login.toLowerCase();
    const byName = this.realm.users.get(key);
    if (byName) return byName;
    if (!key.includes('@')) return undefined;
    return [...this.realm.users.values()].find((u) => u.email === key);
  }

  private userById(id: string): UserModel | undefined {
    return [...this.realm.users.values()].find((u) => u.id === id);
  }

  /** Keycloak's temporary lockout: after `failureFactor` failures, wait `waitIncrementSeconds` per step. */
  private lockedOut(user: UserModel): boolean {
    const settings = this.realm.bruteForce;
    const failures = this.failures.get(user.username);
    if (!settings.enabled || !failures || failures.count < settings.failureFactor) return false;
    const wait = Math.min(
      settings.waitIncrementSeconds * Math.floor(failures.count / settings.failureFactor),
      settings.maxFailureWaitSeconds,
    );
    return this.now() < failures.last + wait;
  }

  private recordFailure(user: UserModel): void {
    const failures = this.failures.get(user.username) ?? { count: 0, last: 0 };
    this.failures.set(user.username, { count: failures.count + 1, last: this.now() });
  }

  private authenticateClient(request: OidcRequest): ClientModel {
    let clientId: string | undefined;
    let secret: string | undefined;
    const header = request.authorization ?? '';
    const basic = /^Basic\s+(\S+)\s*$/i.exec(header);
    if (basic) {
      const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > -1) {
        clientId = formDecode(decoded.slice(0, colon));
        secret = formDecode(decoded.slice(colon + 1));
      }
    }
    // As in Keycloak, form parameters override the Basic header.
    clientId = this.param(request, 'client_id') ?? clientId;
    secret = this.param(request, 'client_secret') ?? secret;
    if (!clientId) throw errors.invalidClient();
    const client = this.realm.clients.get(clientId);
    if (!client || !client.enabled) throw errors.invalidClient();
    if (client.publicClient) return client;
    if (secret === undefined) throw errors.missingClientSecret();
    if (!safeEqual(secret, client.secret)) throw errors.invalidClientCredentials();
    return client;
  }

  private param(request: OidcRequest, name: string): string | undefined {
    const value = request.form?.[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw errors.duplicatedParameter();
    return value;
  }

  private attributeClaimNames(): string[] {
    const names = new Set<string>();
    for (const client of this.realm.clients.values()) {
      for (const m of client.protocolMappers)
        if (m.protocolMapper === 'oidc-usermodel-attribute-mapper' && m.config['claim.name'])
          names.add(m.config['claim.name']);
    }
    return [...names];
  }

  private scopeNames(): string[] {
    const names = new Set<string>();
    for (const client of this.realm.clients.values())
      [...client.defaultClientScopes, ...client.optionalClientScopes].forEach((s) => names.add(s));
    names.delete('offline_access');
    return [...names];
  }

  private checkRealm(request: OidcRequest): void {
    if (request.realm !== this.realm.name) throw errors.realmNotFound();
    if (!this.realm.enabled) throw errors.realmDisabled();
  }

  private answer(request: OidcRequest, handle: () => OidcAnswer): OidcAnswer {
    try {
      this.checkRealm(request);
      return handle();
    } catch (error) {
      return this.errorAnswer(error);
    }
  }

  private async answerAsync(request: OidcRequest, handle: () => Promise<OidcAnswer>): Promise<OidcAnswer> {
    try {
      this.checkRealm(request);
      return await handle();
    } catch (error) {
      return this.errorAnswer(error);
    }
  }

  private errorAnswer(error: unknown): OidcAnswer {
    if (error instanceof OAuthError)
      return { status: error.status, body: error.body, headers: { ...NO_STORE, ...error.headers } };
    throw error;
  }
}
