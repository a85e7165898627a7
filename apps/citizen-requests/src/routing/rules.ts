/**
 * Where a request goes (plain rules). A precinct found from the location (or given by the staff
 * who registered it); then, by the category's routing rule:
 * - the precinct's inspector: one of its own officers on shift now; else its post holder when
 *   merely off shift (the request waits for their next shift: the term is weeks, not hours); else
 *   (vacant precinct, holder on leave) the district's queue;
 * - a desk of the district (fraud, juvenile, migration, traffic): the officer set for that desk,
 *   else the desk's queue;
 * - the unit head (a complaint about an officer never goes to the officer's own precinct queue);
 * an urgent request goes to the district's duty unit at once: the officer on duty now, else the
 * district queue, never a precinct inspector's backlog.
 */
import type { RoutingRule } from '../categories/catalogue';

export interface DutyOfficer {
  id: string;
  fullName: string;
}

export interface DutySnapshot {
  /** Officers on duty now; `fallback` when they come from the district duty list. */
  officers: DutyOfficer[];
  fallback: boolean;
  /** The precinct's own officers not on duty, and why (`leave` or `off_shift`). */
  absent: Array<DutyOfficer & { reason: string }>;
}

export interface Route {
  assigneeId: string | null;
  assigneeName: string | null;
  /** District queue (`AST-ESL`) or desk queue (`AST-ESL:fraud`) when nobody is named. */
  queue: string | null;
  /** Why, for the transition log. */
  explanation: string;
}

export interface DeskSetting {
  inspectorId: string | null;
  inspectorName: string | null;
}

export function districtOf(precinctCode: string): string {
  return precinctCode.split('-').slice(0, 2).join('-');
}

export function route(input: { precinctCode: string; rule: RoutingRule; urgent: boolean; duty: DutySnapshot | null; desk?: DeskSetting | null }): Route {
  const district = districtOf(input.precinctCode);
  if (input.urgent) {
    const officer = input.duty?.officers[0];
    return officer
      ? { assigneeId: officer.id, assigneeName: officer.fullName, queue: null, explanation: `urgent: handed to the officer on duty now${input.duty?.fallback ? ' (district duty list)' : ''}` }
      : { assigneeId: null, assigneeName: null, queue: district, explanation: 'urgent: nobody on duty in the roster, handed to the district duty queue' };
  }
  if (input.rule.target === 'desk') {
    const queue = `${district}:${input.rule.desk}`;
    if (input.desk?.inspectorId) return { assigneeId: input.desk.inspectorId, assigneeName: input.desk.inspectorName, queue: null, explanation: `${input.rule.desk} desk of ${district}` };
    return { assigneeId: null, assigneeName: null, queue, explanation: `${input.rule.desk} desk of ${district} (no officer set for the desk)` };
  }
  if (input.rule.target === 'unit-head') {
    return { assigneeId: null, assigneeName: null, queue: `${district}:head`, explanation: `to the head of the ${district} police unit` };
  }
  if (!input.duty) return { assigneeId: null, assigneeName: null, queue: district, explanation: 'the roster did not answer: district queue' };
  if (!input.duty.fallback && input.duty.officers.length) {
    const officer = input.duty.officers[0];
    return { assigneeId: officer.id, assigneeName: officer.fullName, queue: null, explanation: 'the precinct inspector on duty' };
  }
  const holder = input.duty.absent.find((officer) => officer.reason === 'off_shift');
  if (holder) return { assigneeId: holder.id, assigneeName: holder.fullName, queue: null, explanation: 'the precinct inspector (off shift now)' };
  return { assigneeId: null, assigneeName: null, queue: district, explanation: input.duty.absent.length ? 'the precinct inspector is on leave: district queue' : 'vacant precinct: district queue' };
}
