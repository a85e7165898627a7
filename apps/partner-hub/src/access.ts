/**
 * Who may do what in partner-hub (plain rules, no framework; issue 9):
 * - a partner organisation's users (`partner`) manage their own organisation's subscriptions, read
 *   their delivery log, replay and read the feed, within their own region;
 * - `platform_admin` manages any organisation's subscriptions (naming the organisation);
 * - the catalogue is public.
 */
import { Role, type AuthenticatedUser } from '@seriktes/auth';

export const MANAGE_ROLES = [Role.partner, Role.platformAdmin] as const;
export const FEED_ROLES = [Role.partner] as const;

export interface PartnerScope {
  partnerOrgId: string;
  regionCode: string;
}

/** The organisation and region a caller acts for; null when the caller is no partner. */
export function partnerOf(user: Pick<AuthenticatedUser, 'jurisdiction'>): PartnerScope | null {
  const j = user.jurisdiction;
  return j.level === 'partner' ? { partnerOrgId: j.partnerOrgId, regionCode: j.regionCode } : null;
}

export function isAdmin(user: Pick<AuthenticatedUser, 'roles'>): boolean {
  return user.roles.includes(Role.platformAdmin);
}

/** May the caller manage subscriptions of this organisation? */
export function mayManage(user: Pick<AuthenticatedUser, 'roles' | 'jurisdiction'>, partnerOrgId: string): boolean {
  if (isAdmin(user)) return true;
  const p = partnerOf(user);
  return p !== null && user.roles.includes(Role.partner) && p.partnerOrgId === partnerOrgId;
}

/** Is a territory filter within the partner's own territory (its region)? */
export function withinRegion(territory: string, regionCode: string): boolean {
  return regionCode === 'KAZ' || territory === regionCode || territory.startsWith(`${regionCode}-`);
}
