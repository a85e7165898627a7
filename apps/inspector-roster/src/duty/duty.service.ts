import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '@seriktes/audit';
import { describeJurisdiction, forbidden, type AuthenticatedUser } from '@seriktes/auth';
import { badUserInput, clientError } from '@seriktes/graphql';
import { mayManage, mayReadInspector } from '../access';
import { actorOf } from '../inspectors/assignment.service';
import { assignmentsOn, inspectorsById, isUuid, type InspectorRow } from '../inspectors/inspector.repository';
import {
  addDays,
  availableHours,
  localDateOf,
  SHIFT_PATTERNS,
  validateLeave,
  validatePattern,
  validateSchedule,
  whoIsOnDuty,
  type AvailableHours,
  type Candidate,
  type Leave,
  type OnDutyAnswer,
  type Schedule,
  type ShiftPattern,
} from './rules';

export interface LeaveRow extends Leave {
  id: string;
  inspectorId: string;
  note: string | null;
  createdBy: string;
}

export interface ScheduleRow extends Schedule {
  id: string;
  inspectorId: string;
}

export interface DistrictDutyRow {
  id: string;
  districtCode: string;
  inspectorId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface OnDutyView extends OnDutyAnswer {
  precinctCode: string;
  districtCode: string;
}

const D = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

/**
 * Duty rosters, leave and availability. The rules (patterns, who is on duty, available hours) are
 * the plain functions of ./rules; this service loads their inputs and keeps the records.
 */
@Injectable()
export class DutyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  /** The built-in shift patterns and those defined by users. */
  async patterns(em: EntityManager = this.dataSource.manager): Promise<ShiftPattern[]> {
    const rows = (await em.query(`SELECT definition FROM inspector_roster.shift_pattern ORDER BY code`)) as Array<{ definition: ShiftPattern }>;
    return [...SHIFT_PATTERNS, ...rows.map((r) => r.definition)];
  }

  async definePattern(input: unknown, user: AuthenticatedUser): Promise<ShiftPattern> {
    const checked = validatePattern(input);
    if (!checked.ok) throw badUserInput(checked.errors.map((message) => ({ field: message.split(' ')[0], message })));
    const pattern = checked.pattern;
    if (SHIFT_PATTERNS.some((p) => p.code === pattern.code)) throw badUserInput([{ field: 'code', message: `${pattern.code} is a built-in pattern` }]);
    return this.dataSource.transaction(async (em) => {
      const inserted = (await em.query(
        `INSERT INTO inspector_roster.shift_pattern (code, definition, created_by) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING RETURNING code`,
        [pattern.code, JSON.stringify(pattern), user.username],
      )) as unknown[];
      if (!inserted.length) throw clientError('CONFLICT', `shift pattern ${pattern.code} exists; patterns in use are never changed, define a new code`);
      await this.audit.record({ actor: actorOf(user), action: 'create', entity: 'shift_pattern', entityId: pattern.code, purpose: 'define-pattern' }, em);
      return pattern;
    });
  }

  /** The inspector, if the caller may manage their unit's roster; FORBIDDEN (audited) otherwise. */
  private async managedInspector(em: EntityManager, inspectorId: string, user: AuthenticatedUser, purpose: string): Promise<InspectorRow> {
    if (!isUuid(inspectorId)) throw badUserInput([{ field: 'inspectorId', message: 'must be an inspector id (UUID)' }]);
    const [inspector] = await inspectorsById(em, [inspectorId]);
    if (!inspector) throw badUserInput([{ field: 'inspectorId', message: `no inspector ${inspectorId}` }]);
    if (!mayManage(user, inspector.unitCode)) {
      await this.audit.record({ actor: actorOf(user), action: 'denied', entity: 'inspector', entityId: inspectorId, purpose, details: { unit: inspector.unitCode, jurisdiction: describeJurisdiction(user.jurisdiction) } });
      throw forbidden(`inspector ${inspectorId} serves ${inspector.unitCode}, outside the roster you manage (${describeJurisdiction(user.jurisdiction)})`);
    }
    return inspector;
  }

  /** The inspector, if the caller may read their personnel data (audited read); FORBIDDEN otherwise. */
  async readableInspector(inspectorId: string, user: AuthenticatedUser, purpose: string): Promise<InspectorRow | undefined> {
    const [inspector] = await inspectorsById(this.dataSource.manager, [inspectorId]);
    if (!inspector) return undefined;
    if (!mayReadInspector(user, inspector)) {
      await this.audit.record({ actor: actorOf(user), action: 'denied', entity: 'inspector', entityId: inspectorId, purpose, details: { jurisdiction: describeJurisdiction(user.jurisdiction) } });
      throw forbidden(`the personnel record of inspector ${inspectorId} is outside your jurisdiction (${describeJurisdiction(user.jurisdiction)})`);
    }
    await this.audit.record({ actor: actorOf(user), action: 'read', entity: 'inspector', entityId: inspectorId, purpose });
    return inspector;
  }

  /** Puts the inspector on a shift pattern from `validFrom`; the schedule in force then ends the day before. */
  async setSchedule(input: { inspectorId: string; patternCode: string; anchorDate?: string; validFrom: string; validTo?: string | null }, user: AuthenticatedUser): Promise<ScheduleRow> {
    return this.dataSource.transaction(async (em) => {
      const inspector = await this.managedInspector(em, input.inspectorId, user, 'set-schedule');
      const checked = validateSchedule({ patternCode: input.patternCode, anchorDate: input.anchorDate ?? input.validFrom, validFrom: input.validFrom, validTo: input.validTo ?? null }, await this.patterns(em));
      if (!checked.ok) throw badUserInput(checked.errors);
      const s = checked.schedule;
      await em.query(`SELECT id FROM inspector_roster.inspector WHERE id = $1 FOR UPDATE`, [inspector.id]);
      // Schedules never overlap: one starting later is cut off, one in force is ended the day before.
      const later = (await em.query(`SELECT id FROM inspector_roster.duty_schedule WHERE inspector_id = $1 AND valid_from >= $2`, [inspector.id, s.validFrom])) as unknown[];
      if (later.length) throw badUserInput([{ field: 'validFrom', message: 'another schedule starts on or after this date; change that one instead' }]);
      await em.query(
        `UPDATE inspector_roster.duty_schedule SET valid_to = $2::date - 1 WHERE inspector_id = $1 AND valid_from < $2 AND (valid_to IS NULL OR valid_to >= $2)`,
        [inspector.id, s.validFrom],
      );
      const [row] = (await em.query(
        `INSERT INTO inspector_roster.duty_schedule (inspector_id, pattern_code, anchor_date, valid_from, valid_to, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [inspector.id, s.patternCode, s.anchorDate, s.validFrom, s.validTo, user.username],
      )) as Array<{ id: string }>;
      await this.audit.record({ actor: actorOf(user), action: 'create', entity: 'duty_schedule', entityId: row.id, purpose: 'set-schedule', details: { inspectorId: inspector.id, patternCode: s.patternCode, validFrom: s.validFrom } }, em);
      return { ...s, id: row.id, inspectorId: inspector.id };
    });
  }

  /** Puts an inspector on the district's duty list for one shift (the fallback when a precinct's inspector is absent). */
  async addDistrictDuty(input: { districtCode: string; inspectorId: string; startsAt: Date; endsAt: Date }, user: AuthenticatedUser): Promise<DistrictDutyRow> {
    const errors: Array<{ field: string; message: string }> = [];
    if (Number.isNaN(input.startsAt.getTime())) errors.push({ field: 'startsAt', message: 'must be a date-time' });
    if (Number.isNaN(input.endsAt.getTime())) errors.push({ field: 'endsAt', message: 'must be a date-time' });
    else if (input.endsAt <= input.startsAt) errors.push({ field: 'endsAt', message: 'must be after startsAt' });
    else if (input.endsAt.getTime() - input.startsAt.getTime() > 25 * 3600_000) errors.push({ field: 'endsAt', message: 'a duty shift lasts at most 25 hours' });
    if (errors.length) throw badUserInput(errors);
    if (!mayManage(user, input.districtCode)) {
      await this.audit.record({ actor: actorOf(user), action: 'denied', entity: 'district_duty', purpose: 'add-district-duty', details: { districtCode: input.districtCode, jurisdiction: describeJurisdiction(user.jurisdiction) } });
      throw forbidden(`district ${input.districtCode} is outside the roster you manage (${describeJurisdiction(user.jurisdiction)})`);
    }
    return this.dataSource.transaction(async (em) => {
      const inspector = await this.managedInspector(em, input.inspectorId, user, 'add-district-duty');
      if (inspector.unitCode !== input.districtCode) throw badUserInput([{ field: 'inspectorId', message: `inspector serves ${inspector.unitCode}, not ${input.districtCode}` }]);
      const [row] = (await em.query(
        `INSERT INTO inspector_roster.district_duty (district_code, inspector_id, starts_at, ends_at, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [input.districtCode, inspector.id, input.startsAt, input.endsAt, user.username],
      )) as Array<{ id: string }>;
      await this.audit.record({ actor: actorOf(user), action: 'create', entity: 'district_duty', entityId: row.id, purpose: 'add-district-duty', details: { inspectorId: inspector.id } }, em);
      return { id: row.id, districtCode: input.districtCode, inspectorId: inspector.id, startsAt: input.startsAt, endsAt: input.endsAt };
    });
  }

  async recordLeave(input: { inspectorId: string; kind: string; startDate: string; endDate: string; note?: string | null }, user: AuthenticatedUser): Promise<LeaveRow> {
    return this.dataSource.transaction(async (em) => {
      const inspector = await this.managedInspector(em, input.inspectorId, user, 'record-leave');
      await em.query(`SELECT id FROM inspector_roster.inspector WHERE id = $1 FOR UPDATE`, [inspector.id]);
      const checked = validateLeave(input, await this.leavesOf(em, [inspector.id]).then((m) => m.get(inspector.id) ?? []));
      if (!checked.ok) throw badUserInput(checked.errors);
      if (input.note && input.note.length > 500) throw badUserInput([{ field: 'note', message: 'must be at most 500 characters' }]);
      const { leave } = checked;
      const [row] = (await em.query(
        `INSERT INTO inspector_roster.leave (inspector_id, kind, start_date, end_date, note, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [inspector.id, leave.kind, leave.startDate, leave.endDate, input.note ?? null, user.username],
      )) as Array<{ id: string }>;
      await this.audit.record({ actor: actorOf(user), action: 'create', entity: 'leave', entityId: row.id, purpose: 'record-leave', details: { inspectorId: inspector.id } }, em);
      return { ...leave, id: row.id, inspectorId: inspector.id, note: input.note ?? null, createdBy: user.username };
    });
  }

  async cancelLeave(leaveId: string, user: AuthenticatedUser): Promise<LeaveRow> {
    if (!isUuid(leaveId)) throw badUserInput([{ field: 'leaveId', message: 'must be a leave id (UUID)' }]);
    return this.dataSource.transaction(async (em) => {
      const [row] = (await em.query(
        `SELECT id, inspector_id, kind, ${D('start_date')} AS start_date, ${D('end_date')} AS end_date, note, created_by FROM inspector_roster.leave WHERE id = $1 AND cancelled_at IS NULL FOR UPDATE`,
        [leaveId],
      )) as LeaveRecord[];
      if (!row) throw clientError('NOT_FOUND', `no leave ${leaveId} in force`);
      await this.managedInspector(em, row.inspector_id, user, 'cancel-leave');
      await em.query(`UPDATE inspector_roster.leave SET cancelled_at = now(), cancelled_by = $2 WHERE id = $1`, [leaveId, user.username]);
      await this.audit.record({ actor: actorOf(user), action: 'update', entity: 'leave', entityId: leaveId, purpose: 'cancel-leave' }, em);
      return toLeave(row);
    });
  }

  /** Leave in force (not cancelled) of these inspectors, optionally only what touches [from, to]. */
  async leavesOf(em: EntityManager, inspectorIds: readonly string[], from?: string, to?: string): Promise<Map<string, LeaveRow[]>> {
    const rows = (await em.query(
      `SELECT id, inspector_id, kind, ${D('start_date')} AS start_date, ${D('end_date')} AS end_date, note, created_by
         FROM inspector_roster.leave
        WHERE inspector_id = ANY($1::uuid[]) AND cancelled_at IS NULL AND ($2::date IS NULL OR end_date >= $2) AND ($3::date IS NULL OR start_date <= $3)
        ORDER BY start_date`,
      [inspectorIds, from ?? null, to ?? null],
    )) as LeaveRecord[];
    return group(rows.map(toLeave), (l) => l.inspectorId);
  }

  /** Duty schedules of these inspectors, optionally only those in force on a day of [from, to]. */
  async schedulesOf(em: EntityManager, inspectorIds: readonly string[], from?: string, to?: string): Promise<Map<string, ScheduleRow[]>> {
    const rows = (await em.query(
      `SELECT id, inspector_id, pattern_code, ${D('anchor_date')} AS anchor_date, ${D('valid_from')} AS valid_from, ${D('valid_to')} AS valid_to
         FROM inspector_roster.duty_schedule
        WHERE inspector_id = ANY($1::uuid[]) AND ($2::date IS NULL OR valid_to IS NULL OR valid_to >= $2) AND ($3::date IS NULL OR valid_from <= $3)
        ORDER BY valid_from`,
      [inspectorIds, from ?? null, to ?? null],
    )) as Array<{ id: string; inspector_id: string; pattern_code: string; anchor_date: string; valid_from: string; valid_to: string | null }>;
    return group(
      rows.map((r) => ({ id: r.id, inspectorId: r.inspector_id, patternCode: r.pattern_code, anchorDate: r.anchor_date, validFrom: r.valid_from, validTo: r.valid_to })),
      (s) => s.inspectorId,
    );
  }

  /**
   * Who answers for the precinct at `at`: its assigned inspectors on shift and not on leave; if
   * none, the district's duty list at that time; explained for each absent precinct inspector.
   */
  async onDuty(precinctCode: string, at: Date): Promise<OnDutyView | undefined> {
    const em = this.dataSource.manager;
    const [precinct] = (await em.query(`SELECT district_code FROM inspector_roster.precinct WHERE code = $1`, [precinctCode])) as Array<{ district_code: string }>;
    if (!precinct) return undefined;
    const assigned = await assignmentsOn(em, [precinctCode], localDateOf(at));
    const duty = (await em.query(
      `SELECT id, inspector_id, starts_at, ends_at FROM inspector_roster.district_duty WHERE district_code = $1 AND starts_at <= $2 AND ends_at > $2 ORDER BY starts_at`,
      [precinct.district_code, at],
    )) as Array<{ id: string; inspector_id: string; starts_at: Date; ends_at: Date }>;
    const ids = [...new Set([...assigned.map((a) => a.inspectorId), ...duty.map((d) => d.inspector_id)])];
    const day = localDateOf(at);
    const [leaves, schedules, patterns] = await Promise.all([this.leavesOf(em, ids, addDays(day, -1), addDays(day, 15)), this.schedulesOf(em, ids), this.patterns(em)]);
    const precinctCandidates: Candidate[] = [...new Set(assigned.map((a) => a.inspectorId))].map((id) => ({ inspectorId: id, schedules: schedules.get(id) ?? [], leaves: leaves.get(id) ?? [] }));
    const dutyCandidates: Candidate[] = duty.map((d) => ({ inspectorId: d.inspector_id, schedules: [], leaves: leaves.get(d.inspector_id) ?? [], extraShifts: [{ start: d.starts_at, end: d.ends_at }] }));
    return { ...whoIsOnDuty(precinctCandidates, dutyCandidates, patterns, at), precinctCode, districtCode: precinct.district_code };
  }

  /** Yearly available hours of an inspector (the shift relief factor's denominator). */
  async availableHours(inspectorId: string, year: number): Promise<AvailableHours> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badUserInput([{ field: 'year', message: 'must be a year between 2000 and 2100' }]);
    const em = this.dataSource.manager;
    const [leaves, schedules, patterns] = await Promise.all([this.leavesOf(em, [inspectorId], `${year}-01-01`, `${year}-12-31`), this.schedulesOf(em, [inspectorId]), this.patterns(em)]);
    return availableHours(schedules.get(inspectorId) ?? [], patterns, leaves.get(inspectorId) ?? [], year);
  }
}

interface LeaveRecord {
  id: string;
  inspector_id: string;
  kind: Leave['kind'];
  start_date: string;
  end_date: string;
  note: string | null;
  created_by: string;
}

const toLeave = (r: LeaveRecord): LeaveRow => ({ id: r.id, inspectorId: r.inspector_id, kind: r.kind, startDate: r.start_date, endDate: r.end_date, note: r.note, createdBy: r.created_by });

function group<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}
