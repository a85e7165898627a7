/**
 * The guard of libs/auth in a small Nest app (HTTP and GraphQL), against identity-dev running as
 * its own process: tokens verified by keycloak-connect, roles, public routes, audience, the
 * identity provider being down, and this service's own client-credentials token.
 */
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Field, GraphQLModule, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { INestApplication } from '@nestjs/common';
import { getJson, postJson, startIdentityProvider, type IdentityProvider } from '@seriktes/testing';
import { AuthModule, CurrentUser, Public, Roles, ServiceTokenClient, TokenVerifier, type AuthenticatedUser, type AuthSettings } from '../src';

@ObjectType()
class Me {
  @Field()
  username!: string;

  @Field()
  jurisdiction!: string;
}

@Controller()
class ProbeController {
  @Public()
  @Get('open')
  open() {
    return { open: true };
  }

  @Get('me')
  me(@CurrentUser() user: AuthenticatedUser) {
    return { username: user.username, roles: user.roles, jurisdiction: user.jurisdiction };
  }

  @Roles('unit_head', 'department_head')
  @Get('heads-only')
  heads() {
    return { ok: true };
  }
}

@Resolver(() => Me)
class ProbeResolver {
  @Query(() => Me)
  me(@CurrentUser() user: AuthenticatedUser): Me {
    return { username: user.username, jurisdiction: user.jurisdiction.level };
  }

  @ResolveField(() => String)
  @Roles('ministry_hq')
  secret(): string {
    return 'national only';
  }
}

let identity: IdentityProvider;
let app: INestApplication;
let url: string;
let settings: AuthSettings;

async function startApp(authSettings: AuthSettings): Promise<{ app: INestApplication; url: string }> {
  @Module({
    imports: [
      AuthModule.forRoot(authSettings),
      GraphQLModule.forRoot<ApolloDriverConfig>({
        driver: ApolloDriver,
        autoSchemaFile: true,
        fieldResolverEnhancers: ['guards', 'filters'],
        context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
      }),
    ],
    controllers: [ProbeController],
    providers: [ProbeResolver],
  })
  class ProbeModule {}
  const created = await NestFactory.create(ProbeModule, { logger: false, abortOnError: false });
  await created.listen(0, '127.0.0.1');
  return { app: created, url: `http://127.0.0.1:${(created.getHttpServer().address() as { port: number }).port}` };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  identity = await startIdentityProvider();
  settings = { keycloakUrl: identity.url, realm: 'seriktes', clientId: 'citizen-requests', clientSecret: 'citizen-requests-dev-secret' };
  ({ app, url } = await startApp(settings));
});

afterAll(async () => {
  await app?.close();
  await identity?.stop();
});

describe('the auth guard over HTTP', () => {
  it('opens @Public routes and closes everything else without a token', async () => {
    expect(await getJson(`${url}/open`)).toEqual({ status: 200, body: { open: true } });
    const response = await fetch(`${url}/me`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="seriktes", error="invalid_token"');
    expect(await response.json()).toEqual({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'authentication required: a valid bearer token is missing' });
    for (const authorization of ['Basic abc', 'Bearer', 'Bearer not.a.token', `Bearer ${'a'.repeat(10_000)}.b.c`]) {
      expect((await getJson(`${url}/me`, { authorization })).status).toBe(401);
    }
  });

  it('knows the caller from a valid token, with their jurisdiction', async () => {
    const { status, body } = await getJson<{ username: string; roles: string[]; jurisdiction: unknown }>(`${url}/me`, bearer(await identity.token('ast.esil.01')));
    expect(status).toBe(200);
    expect(body.username).toBe('ast.esil.01');
    expect(body.roles).toContain('district_inspector');
    expect(body.jurisdiction).toEqual({ level: 'precinct', regionCode: 'AST', districtCode: 'AST-ESL', precinctCode: 'AST-ESL-01' });
  });

  it('answers 403 FORBIDDEN to a role without the capability', async () => {
    const denied = await getJson<{ code: string; message: string }>(`${url}/heads-only`, bearer(await identity.token('ast.esil.01')));
    expect(denied).toEqual({ status: 403, body: { statusCode: 403, code: 'FORBIDDEN', message: 'forbidden: GET /heads-only requires one of the roles unit_head, department_head' } });
    expect((await getJson(`${url}/heads-only`, bearer(await identity.token('ast.esil.head')))).status).toBe(200);
  });

  it('refuses a token that is not for this service', async () => {
    const { app: other, url: otherUrl } = await startApp({ ...settings, clientId: 'no-such-service' });
    try {
      expect((await getJson(`${otherUrl}/me`, bearer(await identity.token('hq')))).status).toBe(401);
    } finally {
      await other.close();
    }
  });
});

describe('the auth guard over GraphQL', () => {
  const ask = async (query: string, token?: string) =>
    (await postJson<{ data?: { me?: { username: string; secret?: string } } | null; errors?: { message: string; extensions: { code: string } }[] }>(`${url}/graphql`, { query }, token ? bearer(token) : {})).body;

  it('gives stable codes: UNAUTHENTICATED without a token, FORBIDDEN on a field resolver the role lacks', async () => {
    expect((await ask('{ me { username } }')).errors?.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
    const inspector = await ask('{ me { username jurisdiction secret } }', await identity.token('ast.esil.01'));
    expect(inspector.errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
    const hq = await ask('{ me { username jurisdiction secret } }', await identity.token('hq'));
    expect(hq).toEqual({ data: { me: { username: 'hq', jurisdiction: 'national', secret: 'national only' } } });
  });
});

describe('service-to-service', () => {
  it('obtains its own client-credentials token once, which other services accept', async () => {
    const client = new ServiceTokenClient(settings);
    const [a, b] = await Promise.all([client.token(), client.token()]);
    expect(a).toBe(b);
    const verifier = new TokenVerifier({ ...settings, clientId: 'inspector-roster' });
    const caller = await verifier.verify(`Bearer ${a}`);
    expect(caller).toMatchObject({ username: 'service-account-citizen-requests', serviceAccount: true, clientId: 'citizen-requests' });
    expect(caller.roles).toContain('platform_service');
  });

  it('says clearly when its secret is wrong', async () => {
    await expect(new ServiceTokenClient({ ...settings, clientSecret: 'wrong' }).token()).rejects.toThrow(/service token for citizen-requests refused \(401\): \w+ Invalid client or Invalid client credentials/);
  });
});

describe('when the identity provider cannot be reached', () => {
  it('answers 503 AUTH_UNAVAILABLE, not 401, to a token whose keys it cannot fetch', async () => {
    const other = await startIdentityProvider();
    const token = await other.token('hq');
    await other.stop();
    const { app: orphan, url: orphanUrl } = await startApp({ ...settings, keycloakUrl: other.url });
    try {
      expect(await getJson(`${orphanUrl}/me`, bearer(token))).toEqual({
        status: 503,
        body: { statusCode: 503, code: 'AUTH_UNAVAILABLE', message: 'the identity provider cannot be reached to verify the token' },
      });
    } finally {
      await orphan.close();
    }
  });

  it('gives up on a provider that hangs instead of hanging the request', async () => {
    const token = await identity.token('hq');
    const verifier = new TokenVerifier({ ...settings, keyFetchTimeoutMs: 300 });
    identity.process.child.kill('SIGSTOP');
    try {
      await expect(verifier.verify(`Bearer ${token}`)).rejects.toMatchObject({ code: 'AUTH_UNAVAILABLE' });
    } finally {
      identity.process.child.kill('SIGCONT');
    }
    await expect(new TokenVerifier(settings).verify(`Bearer ${token}`)).resolves.toMatchObject({ username: 'hq' });
  });
});
