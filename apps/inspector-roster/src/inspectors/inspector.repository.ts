import type { EntityManager } from 'typeorm';
import type { InspectorPosition } from '@seriktes/contracts';

/** An inspector as the roster keeps them (personnel record). */
export interface InspectorRow {
  id: string;
  personalNumber: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  rank: string;
  position: InspectorPosition;
  unitCode: string;
  phone: string | null;
  username: string | null;
  serviceStart: string | null;
}

export interface AssignmentRow {
  id: string;
  inspectorId: string;
  precinctCode: string;
  position: InspectorPosition;
  validFrom: string;
  validTo: string | null;
  reason: string | null;
  assignedBy: string;
  endedBy: string | null;
}

/** Holder positions: one current holder per precinct; assistants and juvenile inspectors may be several. */
export const HOLDER_POSITIONS: readonly InspectorPosition[] = ['district_inspector', 'senior_district_inspector'];

export const fullName = (i: Pick<InspectorRow, 'lastName' | 'firstName' | 'patronymic'>) => [i.lastName, i.firstName, i.patronymic].filter(Boolean).join(' ');

interface InspectorRecord {
  id: string;
  personal_number: string;
  last_name: string;
  first_name: string;
  patronymic: string | null;
  rank: string;
  position: InspectorPosition;
  unit_code: string;
  phone: string | null;
  username: string | null;
  service_start: string | null;
}

const toInspector = (r: InspectorRecord): InspectorRow => ({
  id: r.id,
  personalNumber: r.personal_number,
  lastName: r.last_name,
  firstName: r.first_name,
  patronymic: r.patronymic,
  rank: r.rank,
  position: r.position,
  unitCode: r.unit_code,
  phone: r.phone,
  username: r.username,
  serviceStart: r.service_start,
});

interface AssignmentRecord {
  id: string;
  inspector_id: string;
  precinct_code: string;
  position: InspectorPosition;
  valid_from: string;
  valid_to: string | null;
  reason: string | null;
  assigned_by: string;
  ended_by: string | null;
}

export const toAssignment = (r: AssignmentRecord): AssignmentRow => ({
  id: r.id,
  inspectorId: r.inspector_id,
  precinctCode: r.precinct_code,
  position: r.position,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  reason: r.reason,
  assignedBy: r.assigned_by,
  endedBy: r.ended_by,
});

const INSPECTOR_COLUMNS = `i.id, i.personal_number, i.last_name, i.first_name, i.patronymic, i.rank, i.position, i.unit_code, i.phone, i.username,
  to_char(i.service_start, 'YYYY-MM-DD') AS service_start`;
export const ASSIGNMENT_COLUMNS = `a.id, a.inspector_id, a.precinct_code, a.position, to_char(a.valid_from, 'YYYY-MM-DD') AS valid_from,
  to_char(a.valid_to, 'YYYY-MM-DD') AS valid_to, a.reason, a.assigned_by, a.ended_by`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

/** Reads of inspectors and assignments; `em` is a DataSource's manager or a transaction's. */
export async function inspectorsById(em: EntityManager, ids: readonly string[]): Promise<InspectorRow[]> {
  const valid = ids.filter(isUuid);
  if (!valid.length) return [];
  const rows = (await em.query(`SELECT ${INSPECTOR_COLUMNS} FROM inspector_roster.inspector i WHERE i.id = ANY($1::uuid[])`, [valid])) as InspectorRecord[];
  const byId = new Map(rows.map((r) => [r.id, toInspector(r)]));
  return valid.map((id) => byId.get(id)).filter((i): i is InspectorRow => i !== undefined);
}

export async function inspectorByUsername(em: EntityManager, username: string): Promise<InspectorRow | undefined> {
  const rows = (await em.query(`SELECT ${INSPECTOR_COLUMNS} FROM inspector_roster.inspector i WHERE i.username = $1`, [username])) as InspectorRecord[];
  return rows.map(toInspector)[0];
}

/** Assignments in force on `date` at these precincts, with their inspectors (holders first, then by name). */
export async function assignmentsOn(em: EntityManager, precinctCodes: readonly string[], date: string): Promise<Array<AssignmentRow & { inspector: InspectorRow }>> {
  if (!precinctCodes.length) return [];
  const rows = (await em.query(
    `SELECT ${ASSIGNMENT_COLUMNS} FROM inspector_roster.assignment a
      WHERE a.precinct_code = ANY($1) AND a.valid_from <= $2::date AND (a.valid_to IS NULL OR a.valid_to >= $2::date)`,
    [precinctCodes, date],
  )) as AssignmentRecord[];
  const assignments = rows.map(toAssignment);
  const inspectors = new Map((await inspectorsById(em, [...new Set(assignments.map((a) => a.inspectorId))])).map((i) => [i.id, i]));
  const holderFirst = (a: AssignmentRow) => (HOLDER_POSITIONS.includes(a.position) ? 0 : 1);
  return assignments
    .map((a) => ({ ...a, inspector: inspectors.get(a.inspectorId) as InspectorRow }))
    .sort((a, b) => a.precinctCode.localeCompare(b.precinctCode) || holderFirst(a) - holderFirst(b) || fullName(a.inspector).localeCompare(fullName(b.inspector)));
}

/** The whole assignment history of a precinct or of an inspector, newest first. */
export async function assignmentHistory(em: EntityManager, where: { precinctCode?: string; inspectorId?: string }): Promise<AssignmentRow[]> {
  const [column, value] = where.precinctCode !== undefined ? ['precinct_code', where.precinctCode] : ['inspector_id', where.inspectorId];
  const rows = (await em.query(
    `SELECT ${ASSIGNMENT_COLUMNS} FROM inspector_roster.assignment a WHERE a.${column} = $1 ORDER BY a.valid_from DESC, a.created_at DESC`,
    [value],
  )) as AssignmentRecord[];
  return rows.map(toAssignment);
}
