import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog, type AuditActor } from '@seriktes/audit';
import { describeJurisdiction, forbidden, type AuthenticatedUser } from '@seriktes/auth';
import { PrecinctAssignmentChanged, type InspectorPosition } from '@seriktes/contracts';
import { badUserInput, clientError } from '@seriktes/graphql';
import { EventPublisher } from '@seriktes/messaging';
import { mayManage } from '../access';
import { addDays, isLocalDate, localDateOf as kzLocalDate } from '../duty/rules/time';
import { ASSIGNMENT_COLUMNS, HOLDER_POSITIONS, inspectorsById, isUuid, toAssignment, type AssignmentRow } from './inspector.repository';

export interface AssignInput {
  inspectorId: string;
  precinctCode: string;
  /** The inspector's own position when absent. */
  position?: InspectorPosition;
  /** First day (local date); today when absent. */
  validFrom?: string;
  reason?: string;
}

/** Who made a change: a signed-in user, or an import run by an operator. */
export interface Actor {
  subject: string;
  username: string;
  roles: string[];
}

export const actorOf = (user: Actor): AuditActor => ({ subject: user.subject, username: user.username, roles: user.roles });

const isDate = isLocalDate;
const dayBefore = (date: string) => addDays(date, -1);

/**
 * Precinct assignments over time. History is kept: a change ends the current period (valid_to)
 * and opens a new one; nothing is updated in place or deleted. Every change emits
 * `kz.seriktes.precinct.assignment-changed.v1` and an audit entry in the same transaction.
 */
@Injectable()
export class AssignmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
    private readonly audit: AuditLog,
  ) {}

  /** Checks the caller may change the roster of the precinct; audits and refuses otherwise. */
  async authorise(user: AuthenticatedUser, territoryCode: string, purpose: string): Promise<void> {
    if (mayManage(user, territoryCode)) return;
    await this.audit.record({ actor: actorOf(user), action: 'denied', entity: 'precinct', entityId: territoryCode, purpose, details: { jurisdiction: describeJurisdiction(user.jurisdiction) } });
    throw forbidden(`${territoryCode} is outside the roster you manage (${describeJurisdiction(user.jurisdiction)})`);
  }

  async assign(input: AssignInput, user: AuthenticatedUser): Promise<AssignmentRow> {
    await this.authorise(user, input.precinctCode, 'assign');
    return this.dataSource.transaction((em) => this.assignIn(em, input, user));
  }

  /**
   * Assigns inside the caller's transaction. A new holder of the inspector post ends the current
   * holder's period on the day before (a re-assignment: `ended`, then `assigned`).
   */
  async assignIn(em: EntityManager, input: AssignInput, actor: Actor): Promise<AssignmentRow> {
    const errors: Array<{ field: string; message: string }> = [];
    const validFrom = input.validFrom ?? kzLocalDate(new Date());
    if (!isUuid(input.inspectorId)) errors.push({ field: 'inspectorId', message: 'must be an inspector id (UUID)' });
    if (!isDate(validFrom)) errors.push({ field: 'validFrom', message: 'must be a date YYYY-MM-DD' });
    if (input.reason !== undefined && input.reason.length > 500) errors.push({ field: 'reason', message: 'must be at most 500 characters' });
    if (errors.length) throw badUserInput(errors);
    // Serialise changes per precinct: the row lock makes concurrent re-assignments queue up.
    const [precinct] = (await em.query(`SELECT code, district_code, region_code FROM inspector_roster.precinct WHERE code = $1 FOR UPDATE`, [input.precinctCode])) as Array<{
      code: string;
      district_code: string;
      region_code: string;
    }>;
    if (!precinct) throw badUserInput([{ field: 'precinctCode', message: `no precinct ${input.precinctCode}` }]);
    const [inspector] = await inspectorsById(em, [input.inspectorId]);
    if (!inspector) throw badUserInput([{ field: 'inspectorId', message: `no inspector ${input.inspectorId}` }]);
    const position = input.position ?? inspector.position;
    if (inspector.unitCode.slice(0, 3) !== precinct.region_code) {
      throw badUserInput([{ field: 'inspectorId', message: `inspector serves ${inspector.unitCode}; transfer them to region ${precinct.region_code} first` }]);
    }
    const current = ((await em.query(
      `SELECT ${ASSIGNMENT_COLUMNS} FROM inspector_roster.assignment a WHERE a.precinct_code = $1 AND a.valid_to IS NULL`,
      [precinct.code],
    )) as Parameters<typeof toAssignment>[0][]).map(toAssignment);
    if (current.some((a) => a.inspectorId === inspector.id)) {
      throw clientError('CONFLICT', `inspector ${inspector.id} is already assigned to ${precinct.code}`);
    }
    const territory = { precinctCode: precinct.code, districtCode: precinct.district_code, regionCode: precinct.region_code };
    if (HOLDER_POSITIONS.includes(position)) {
      for (const holder of current.filter((a) => HOLDER_POSITIONS.includes(a.position))) {
        if (holder.validFrom >= validFrom) {
          throw badUserInput([{ field: 'validFrom', message: `must be after ${holder.validFrom}, when the current holder's assignment began` }]);
        }
        await this.endIn(em, holder, dayBefore(validFrom), input.reason ?? 'replaced', actor, territory);
      }
    }
    const [row] = (await em.query(
      `INSERT INTO inspector_roster.assignment ("inspector_id", "precinct_code", "position", "valid_from", "reason", "assigned_by")
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${ASSIGNMENT_COLUMNS.replace(/a\./g, '')}`,
      [inspector.id, precinct.code, position, validFrom, input.reason ?? null, actor.username],
    )) as Parameters<typeof toAssignment>[0][];
    const assignment = toAssignment(row);
    await this.audit.record({ actor: actorOf(actor), action: 'create', entity: 'assignment', entityId: assignment.id, purpose: 'assign', details: { precinctCode: precinct.code, inspectorId: inspector.id, position, validFrom } }, em);
    await this.events.publish(
      em,
      PrecinctAssignmentChanged,
      { assignmentId: assignment.id, change: 'assigned', ...territory, inspectorId: inspector.id, position, validFrom, validTo: null, reason: input.reason ?? null },
      { subject: precinct.code },
    );
    return assignment;
  }

  /** Ends an assignment on `validTo` (inclusive; today when absent). */
  async end(assignmentId: string, validTo: string | undefined, reason: string | undefined, user: AuthenticatedUser): Promise<AssignmentRow> {
    if (!isUuid(assignmentId)) throw badUserInput([{ field: 'assignmentId', message: 'must be an assignment id (UUID)' }]);
    const to = validTo ?? kzLocalDate(new Date());
    if (!isDate(to)) throw badUserInput([{ field: 'validTo', message: 'must be a date YYYY-MM-DD' }]);
    return this.dataSource.transaction(async (em) => {
      const [row] = (await em.query(`SELECT ${ASSIGNMENT_COLUMNS} FROM inspector_roster.assignment a WHERE a.id = $1 FOR UPDATE`, [assignmentId])) as Parameters<typeof toAssignment>[0][];
      if (!row) throw clientError('NOT_FOUND', `no assignment ${assignmentId}`);
      const assignment = toAssignment(row);
      await this.authorise(user, assignment.precinctCode, 'end-assignment');
      if (assignment.validTo !== null) throw clientError('CONFLICT', `assignment ${assignmentId} already ended on ${assignment.validTo}`);
      if (to < assignment.validFrom) throw badUserInput([{ field: 'validTo', message: `must not be before ${assignment.validFrom}` }]);
      const [precinct] = (await em.query(`SELECT district_code, region_code FROM inspector_roster.precinct WHERE code = $1`, [assignment.precinctCode])) as Array<{ district_code: string; region_code: string }>;
      return this.endIn(em, assignment, to, reason ?? null, user, { precinctCode: assignment.precinctCode, districtCode: precinct.district_code, regionCode: precinct.region_code });
    });
  }

  private async endIn(
    em: EntityManager,
    assignment: AssignmentRow,
    validTo: string,
    reason: string | null,
    actor: Actor,
    territory: { precinctCode: string; districtCode: string; regionCode: string },
  ): Promise<AssignmentRow> {
    await em.query(`UPDATE inspector_roster.assignment SET valid_to = $2, ended_by = $3 WHERE id = $1`, [assignment.id, validTo, actor.username]);
    await this.audit.record({ actor: actorOf(actor), action: 'update', entity: 'assignment', entityId: assignment.id, purpose: 'end-assignment', details: { validTo } }, em);
    await this.events.publish(
      em,
      PrecinctAssignmentChanged,
      { assignmentId: assignment.id, change: 'ended', ...territory, inspectorId: assignment.inspectorId, position: assignment.position, validFrom: assignment.validFrom, validTo, reason },
      { subject: territory.precinctCode },
    );
    return { ...assignment, validTo, endedBy: actor.username };
  }
}
