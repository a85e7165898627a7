import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { environmentResolver } from './placeholders';
import { deterministicUserId, effectiveRoles, parseRealm, serviceAccountOf } from './realm';
import { SERVICE_CLIENTS } from '@seriktes/auth';

const text = readFileSync(
  join(__dirname, '..', '..', '..', '..', 'deploy', 'keycloak', 'seriktes-realm.json'),
  'utf8',
);
const SERVICES = [...SERVICE_CLIENTS];

describe('parseRealm on deploy/keycloak/seriktes-realm.json', () => {
  const realm = parseRealm(text, environmentResolver({}));

  it('reads the realm settings', () => {
    expect(realm).toMatchObject({
      name: 'seriktes',
      enabled: true,
      accessTokenLifespan: 300,
      ssoSessionIdleTimeout: 1800,
      ssoSessionMaxLifespan: 36000,
    });
    expect(realm.bruteForce.enabled).toBe(true);
  });

  it('gives confidential clients with unset secrets the development secret, and warns once listing them', () => {
    for (const id of [...SERVICES, 'partner-ast-akimat']) {
      expect(realm.clients.get(id)).toMatchObject({
        secret: `${id}-dev-secret`,
        usesDevelopmentSecret: true,
        publicClient: false,
      });
    }
    expect(realm.clients.get('seriktes-console')).toMatchObject({
      publicClient: true,
      secret: undefined,
      directAccessGrantsEnabled: true,
    });
    expect(realm.warnings).toEqual([
      `client secrets not set, using the development secret <clientId>-dev-secret for: ${[...SERVICES, 'partner-ast-akimat'].join(', ')}`,
    ]);
  });

  it('takes a secret from the environment, as Keycloak resolves the placeholder at import', () => {
    const withSecret = parseRealm(
      text,
      environmentResolver({ SERIKTES_CLIENT_SECRET_CITIZEN_REQUESTS: 'from-env' }),
    );
    expect(withSecret.clients.get('citizen-requests')).toMatchObject({
      secret: 'from-env',
      usesDevelopmentSecret: false,
    });
    expect(withSecret.warnings[0]).not.toContain('citizen-requests');
  });

  it('expands the default role like Keycloak (offline_access, uma_authorization, account roles)', () => {
    const user = realm.users.get('ast.esil.01')!;
    expect(effectiveRoles(realm, user)).toEqual({
      realm: ['district_inspector', 'default-roles-seriktes', 'offline_access', 'uma_authorization'],
      client: { account: ['view-profile', 'manage-account', 'manage-account-links'] },
    });
  });

  it('links service accounts to their clients', () => {
    expect(serviceAccountOf(realm, 'gateway')).toMatchObject({
      username: 'service-account-gateway',
      realmRoles: expect.arrayContaining(['platform_service']),
    });
    expect(serviceAccountOf(realm, 'partner-ast-akimat')).toMatchObject({
      attributes: { region_code: ['AST'], partner_org_id: ['ast-akimat'] },
    });
  });

  it('keeps the ids of the file and generates stable ones where the file has none', () => {
    const json = JSON.parse(text) as { users: Array<{ id?: string; username: string }> };
    expect(realm.users.get('hq')!.id).toBe(json.users.find((u) => u.username === 'hq')!.id);
    json.users = json.users.map(({ id: _id, ...user }) => user);
    const again = parseRealm(JSON.stringify(json), environmentResolver({}));
    expect(again.users.get('hq')!.id).toBe(deterministicUserId('seriktes', 'hq'));
    expect(deterministicUserId('seriktes', 'hq')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(deterministicUserId('seriktes', 'HQ')).toBe(deterministicUserId('seriktes', 'hq'));
    expect(deterministicUserId('seriktes', 'admin')).not.toBe(deterministicUserId('seriktes', 'hq'));
  });

  it('creates the service-account user Keycloak would create when the file has none', () => {
    const json = JSON.parse(text) as { users: Array<{ serviceAccountClientId?: string }> };
    json.users = json.users.filter((u) => u.serviceAccountClientId !== 'partner-hub');
    const again = parseRealm(JSON.stringify(json), environmentResolver({}));
    expect(serviceAccountOf(again, 'partner-hub')).toMatchObject({
      username: 'service-account-partner-hub',
      realmRoles: ['default-roles-seriktes'],
    });
  });

  it('refuses a file that is not a realm export', () => {
    expect(() => parseRealm('{"clients": []}')).toThrow('no "realm" name');
    expect(() => parseRealm('not json')).toThrow();
  });
});
