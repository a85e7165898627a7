import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { coversPrecinct, CurrentUser, describeJurisdiction, forbidden, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { parsePrecinctCode } from '@seriktes/contracts';
import { badUserInput } from '@seriktes/graphql';
import { ROSTER_MANAGE_ROLES, ROSTER_READ_ROLES, TERRITORY_MANAGE_ROLES } from '../access';
import { toInspectorNode } from '../inspectors/graphql.types';
import { inspectorsById, type InspectorRow } from '../inspectors/inspector.repository';
import { DutyService } from './duty.service';
import {
  AddDistrictDutyInput,
  DefineShiftPatternInput,
  DistrictDutyNode,
  DutyScheduleNode,
  DutySourceEnum,
  LeaveNode,
  OnDutyNode,
  RecordLeaveInput,
  SetDutyScheduleInput,
  ShiftPatternNode,
} from './graphql.types';
import type { ShiftPattern } from './rules';

const toPatternNode = (p: ShiftPattern): ShiftPatternNode => ({ code: p.code, names: p.name, cycle: [...p.cycle], weekly: p.weekly ?? false, breakHours: p.breakHours ?? 0 });

/** Duty rosters, leave and "who is on duty". */
@Resolver()
export class DutyResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly duty: DutyService,
  ) {}

  @Query(() => OnDutyNode, {
    nullable: true,
    description: "Who answers for a precinct at a time: its own inspectors on shift and not on leave, otherwise the district's duty list (police and services within their jurisdiction); null for an unknown precinct.",
  })
  @Roles(...ROSTER_READ_ROLES)
  async onDuty(
    @CurrentUser() user: AuthenticatedUser,
    @Args('precinctCode', { description: 'Precinct code, e.g. AST-ESL-01.' }) precinctCode: string,
    @Args('at', { nullable: true, description: 'ISO 8601 date-time; now by default.' }) at?: string,
  ): Promise<OnDutyNode | null> {
    const errors: Array<{ field: string; message: string }> = [];
    if (!parsePrecinctCode(precinctCode)) errors.push({ field: 'precinctCode', message: 'must be a precinct code like AST-ESL-01' });
    const when = at ? new Date(at) : new Date();
    if (Number.isNaN(when.getTime())) errors.push({ field: 'at', message: 'must be an ISO 8601 date-time' });
    if (errors.length) throw badUserInput(errors);
    if (!coversPrecinct(user.jurisdiction, precinctCode)) throw forbidden(`precinct ${precinctCode} is outside your jurisdiction (${describeJurisdiction(user.jurisdiction)})`);
    const answer = await this.duty.onDuty(precinctCode, when);
    if (!answer) return null;
    const people = new Map((await inspectorsById(this.dataSource.manager, [...answer.onDuty.map((o) => o.inspectorId), ...answer.absent.map((a) => a.inspectorId)])).map((i) => [i.id, i]));
    const person = (id: string) => toInspectorNode(people.get(id) as InspectorRow);
    return {
      precinctCode,
      at: when.toISOString(),
      source: answer.source as DutySourceEnum | null,
      fallback: answer.source === 'district_duty',
      officers: answer.onDuty.map((o) => ({ inspector: person(o.inspectorId), shiftStart: o.shift.start.toISOString(), shiftEnd: o.shift.end.toISOString() })),
      absent: answer.absent.map((a) => ({ inspector: person(a.inspectorId), reason: a.reason, nextShiftStart: a.nextShiftStart?.toISOString() ?? null })),
    };
  }

  @Query(() => [ShiftPatternNode], { description: 'Shift patterns: the built-in ones (five-day, three-shift, four-shift, day-night) and those defined since.' })
  @Roles(...ROSTER_READ_ROLES)
  async shiftPatterns(): Promise<ShiftPatternNode[]> {
    return (await this.duty.patterns()).map(toPatternNode);
  }

  @Mutation(() => DutyScheduleNode, { description: "Puts an inspector on a shift pattern from a date; the schedule in force ends the day before." })
  @Roles(...ROSTER_MANAGE_ROLES)
  async setDutySchedule(@Args('input', { type: () => SetDutyScheduleInput, description: 'Inspector, pattern, dates.' }) input: SetDutyScheduleInput, @CurrentUser() user: AuthenticatedUser): Promise<DutyScheduleNode> {
    return this.duty.setSchedule({ inspectorId: input.inspectorId, patternCode: input.patternCode, validFrom: input.validFrom, anchorDate: input.anchorDate ?? undefined, validTo: input.validTo ?? null }, user);
  }

  @Mutation(() => DistrictDutyNode, { description: "Puts an inspector of the district on its duty list for one shift (the fallback when a precinct's inspector is absent)." })
  @Roles(...ROSTER_MANAGE_ROLES)
  async addDistrictDuty(@Args('input', { type: () => AddDistrictDutyInput, description: 'District, inspector, times.' }) input: AddDistrictDutyInput, @CurrentUser() user: AuthenticatedUser): Promise<DistrictDutyNode> {
    const row = await this.duty.addDistrictDuty({ districtCode: input.districtCode, inspectorId: input.inspectorId, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) }, user);
    return { ...row, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString() };
  }

  @Mutation(() => LeaveNode, { description: 'Records a period of leave; refused if it overlaps leave already recorded or exceeds the kind\'s limit.' })
  @Roles(...ROSTER_MANAGE_ROLES)
  async recordLeave(@Args('input', { type: () => RecordLeaveInput, description: 'Inspector, kind, dates.' }) input: RecordLeaveInput, @CurrentUser() user: AuthenticatedUser): Promise<LeaveNode> {
    return this.duty.recordLeave({ inspectorId: input.inspectorId, kind: input.kind, startDate: input.startDate, endDate: input.endDate, note: input.note ?? null }, user);
  }

  @Mutation(() => LeaveNode, { description: 'Cancels recorded leave (kept, marked cancelled).' })
  @Roles(...ROSTER_MANAGE_ROLES)
  async cancelLeave(@Args('leaveId', { type: () => ID, description: 'The leave.' }) leaveId: string, @CurrentUser() user: AuthenticatedUser): Promise<LeaveNode> {
    return this.duty.cancelLeave(leaveId, user);
  }

  @Mutation(() => ShiftPatternNode, { description: 'Defines a new shift pattern (HQ and platform administrators).' })
  @Roles(...TERRITORY_MANAGE_ROLES)
  async defineShiftPattern(@Args('input', { type: () => DefineShiftPatternInput, description: 'The pattern.' }) input: DefineShiftPatternInput, @CurrentUser() user: AuthenticatedUser): Promise<ShiftPatternNode> {
    const pattern = await this.duty.definePattern(
      { code: input.code, name: { ...input.names }, cycle: input.cycle.map((slot) => (slot ? { start: slot.start, hours: slot.hours } : null)), ...(input.weekly ? { weekly: true } : {}), ...(input.breakHours ? { breakHours: input.breakHours } : {}) },
      user,
    );
    return toPatternNode(pattern);
  }
}
