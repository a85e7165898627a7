/**
 * Which sharing scopes a partner holds for an event (plain rules): the union of the scopes of its
 * agreements that are active, not past their review date on the event's day, and whose territory
 * contains every territory the event concerns at its most precise level.
 */
import type { SharingScope } from '@seriktes/contracts';

export interface AgreementRow {
  agreement_id: string;
  partner_org_id: string;
  status: 'active' | 'revoked';
  scopes: string[];
  territory_code: string;
  /** YYYY-MM-DD */
  review_on: string;
}

const within = (code: string, territory: string) => code === territory || code.startsWith(`${territory}-`);

export function scopesOf(agreements: readonly AgreementRow[], eventTerritories: readonly string[], at: Date): SharingScope[] {
  const day = new Date(at.getTime() + 5 * 3_600_000).toISOString().slice(0, 10); // Kazakhstan's local day
  const precise = eventTerritories.filter((t) => !eventTerritories.some((o) => o !== t && o.startsWith(`${t}-`)));
  const scopes = new Set<SharingScope>();
  for (const a of agreements) {
    if (a.status !== 'active' || a.review_on < day) continue;
    if (!precise.length || !precise.every((t) => within(t, a.territory_code))) continue;
    for (const s of a.scopes) scopes.add(s as SharingScope);
  }
  return [...scopes].sort();
}
