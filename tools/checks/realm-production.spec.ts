/** The production realm derived from the development one keeps no demo user and no password grant. */
import { readFileSync } from 'node:fs';
import { productionRealm, REALM_FILE } from '../stack/realm';

const development = JSON.parse(readFileSync(REALM_FILE, 'utf8'));
const production = productionRealm(development);
const text = JSON.stringify(production);

describe('the production realm (npm run realm:production)', () => {
  it('has no demo users and no password in it', () => {
    expect(development.users.some((u: { username: string }) => u.username === 'ast.esil.01')).toBe(true);
    expect(production.users?.map((u) => u.username).filter((name) => !name.startsWith('service-account-'))).toEqual([]);
    expect(production.users?.filter((u) => u.credentials?.length).map((u) => u.username)).toEqual([]);
    expect(/"value":\s*"demo"/.test(text)).toBe(false);
  });

  it('keeps every service account, every client and the secret placeholders', () => {
    const accounts = development.users.filter((u: { serviceAccountClientId?: string }) => u.serviceAccountClientId).length;
    expect(production.users).toHaveLength(accounts);
    expect(production.clients?.map((c) => c.clientId)).toEqual(development.clients.map((c: { clientId: string }) => c.clientId));
    expect(text).toContain('${SERIKTES_CLIENT_SECRET_GATEWAY}');
  });

  it('turns off direct-access grants and local redirect URIs', () => {
    expect(production.clients?.every((c) => c.directAccessGrantsEnabled === false)).toBe(true);
    expect(/127\.0\.0\.1|localhost/.test(text)).toBe(false);
  });
});
