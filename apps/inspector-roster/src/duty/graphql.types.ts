import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalizedTextInput, LocalizedTextNode } from '@seriktes/graphql';
import { InspectorNode } from '../inspectors/graphql.types';
import { LEAVE_KINDS, type LeaveKind } from './rules';

export enum LeaveKindEnum {
  annual = 'annual',
  seniority_extra = 'seniority_extra',
  short = 'short',
  study = 'study',
  sick = 'sick',
  maternity = 'maternity',
  unpaid = 'unpaid',
  compensatory = 'compensatory',
  other = 'other',
}
registerEnumType(LeaveKindEnum, {
  name: 'LeaveKind',
  description: 'Kind of leave (seed 000, Topic 2).',
  valuesMap: Object.fromEntries(LEAVE_KINDS.map((k) => [k.kind, { description: `${k.name.en}${k.maxDays ? ` (at most ${k.maxDays} days)` : ''}.` }])),
});

export enum DutySourceEnum {
  precinct = 'precinct',
  district_duty = 'district_duty',
}
registerEnumType(DutySourceEnum, {
  name: 'DutySource',
  description: 'Who answers for a precinct at a given time.',
  valuesMap: {
    precinct: { description: "The precinct's own inspector(s)." },
    district_duty: { description: "The district's duty list, because the precinct's inspectors are off shift or on leave." },
  },
});

@ObjectType('ShiftSlot', { description: 'One working day of a shift pattern.' })
export class ShiftSlotNode {
  @Field({ description: 'Local start time HH:MM (UTC+05:00).' })
  start!: string;

  @Field(() => Float, { description: 'Length in hours, breaks included.' })
  hours!: number;
}

@ObjectType('ShiftPattern', { description: 'A duty pattern: a cycle of days, each a shift or a day off (duty changes at 08:00 in the three- and four-shift patterns).' })
export class ShiftPatternNode {
  @Field({ description: 'Pattern code, e.g. three-shift.' })
  code!: string;

  @Field(() => LocalizedTextNode, { description: 'Name in three languages.' })
  names!: { kk: string; ru: string; en: string };

  @Field(() => [ShiftSlotNode], { nullable: 'items', description: 'One entry per day of the cycle; null is a day off.' })
  cycle!: Array<ShiftSlotNode | null>;

  @Field({ description: 'true: the cycle is a week from Monday (office pattern, public holidays off); false: it repeats from an anchor date.' })
  weekly!: boolean;

  @Field(() => Float, { description: 'Unpaid break inside each shift, hours.' })
  breakHours!: number;
}

@ObjectType('DutySchedule', { description: 'An inspector on a shift pattern over a period.' })
export class DutyScheduleNode {
  @Field(() => ID, { description: 'Schedule id.' })
  id!: string;

  @Field({ description: 'Shift pattern code.' })
  patternCode!: string;

  @Field({ description: 'Local date on which day 0 of the cycle falls.' })
  anchorDate!: string;

  @Field({ description: 'First day.' })
  validFrom!: string;

  @Field(() => String, { nullable: true, description: 'Last day, or null while it lasts.' })
  validTo!: string | null;
}

@ObjectType('Leave', { description: 'A period of leave of an inspector.' })
export class LeaveNode {
  @Field(() => ID, { description: 'Leave id.' })
  id!: string;

  @Field(() => LeaveKindEnum, { description: 'Kind of leave.' })
  kind!: LeaveKind;

  @Field({ description: 'First day (local date).' })
  startDate!: string;

  @Field({ description: 'Last day (local date, inclusive).' })
  endDate!: string;

  @Field(() => String, { nullable: true, description: 'Note (e.g. order number).' })
  note!: string | null;
}

@ObjectType('LeaveHours', { description: 'Hours of shifts lost to one kind of leave.' })
export class LeaveHoursNode {
  @Field(() => LeaveKindEnum, { description: 'Kind of leave.' })
  kind!: LeaveKind;

  @Field(() => Float, { description: 'Paid shift hours falling on leave of this kind.' })
  hours!: number;
}

@ObjectType('AvailableHours', { description: "An inspector's yearly hours: the denominator of the staffing forecast's shift relief factor." })
export class AvailableHoursNode {
  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field(() => Float, { description: 'Paid hours of every shift the schedules give in the year.' })
  scheduledHours!: number;

  @Field(() => [LeaveHoursNode], { description: 'Hours lost to leave, by kind (kinds with hours only).' })
  leaveHours!: LeaveHoursNode[];

  @Field(() => Float, { description: 'Hours of office-pattern shifts falling on public holidays.' })
  holidayHours!: number;

  @Field(() => Float, { description: 'Scheduled hours minus leave and holidays.' })
  availableHours!: number;

  @Field(() => Int, { description: 'Shifts scheduled in the year.' })
  shifts!: number;

  @Field(() => Int, { description: 'Shifts not lost to leave or holidays.' })
  availableShifts!: number;
}

@ObjectType('OnDutyOfficer', { description: 'An officer on duty, and their shift.' })
export class OnDutyOfficerNode {
  @Field(() => InspectorNode, { description: 'The officer.' })
  inspector!: InspectorNode;

  @Field({ description: 'Start of the shift (ISO 8601).' })
  shiftStart!: string;

  @Field({ description: 'End of the shift (ISO 8601).' })
  shiftEnd!: string;
}

@ObjectType('AbsentOfficer', { description: "A precinct officer who is not on duty at that time, and why (the kind of leave is not shown: it may be health data)." })
export class AbsentOfficerNode {
  @Field(() => InspectorNode, { description: 'The officer.' })
  inspector!: InspectorNode;

  @Field({ description: 'leave or off_shift.' })
  reason!: string;

  @Field(() => String, { nullable: true, description: 'Start of their next shift within 14 days (ISO 8601), if any.' })
  nextShiftStart!: string | null;
}

@ObjectType('OnDuty', { description: 'Who answers for a precinct at a given time.' })
export class OnDutyNode {
  @Field({ description: 'Precinct code.' })
  precinctCode!: string;

  @Field({ description: 'The time asked about (ISO 8601).' })
  at!: string;

  @Field(() => DutySourceEnum, { nullable: true, description: "The precinct's own inspectors, the district duty list, or null when nobody is on duty (call 102)." })
  source!: DutySourceEnum | null;

  @Field({ description: 'true when the answer comes from the district duty list.' })
  fallback!: boolean;

  @Field(() => [OnDutyOfficerNode], { description: 'Officers on duty.' })
  officers!: OnDutyOfficerNode[];

  @Field(() => [AbsentOfficerNode], { description: "The precinct's own officers who are not on duty, and why." })
  absent!: AbsentOfficerNode[];
}

@InputType('SetDutyScheduleInput', { description: 'Put an inspector on a shift pattern from a date.' })
export class SetDutyScheduleInput {
  @Field(() => ID, { description: 'Roster id of the inspector.' })
  inspectorId!: string;

  @Field({ description: 'Shift pattern code (see shiftPatterns).' })
  patternCode!: string;

  @Field({ description: 'First day (YYYY-MM-DD).' })
  validFrom!: string;

  @Field(() => String, { nullable: true, description: 'Day 0 of the cycle (YYYY-MM-DD), validFrom by default.' })
  anchorDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Last day, open-ended by default.' })
  validTo?: string | null;
}

@InputType('AddDistrictDutyInput', { description: "Put an inspector on the district's duty list for one shift." })
export class AddDistrictDutyInput {
  @Field({ description: 'District code, e.g. AST-ESL.' })
  districtCode!: string;

  @Field(() => ID, { description: 'Roster id of an inspector of that district.' })
  inspectorId!: string;

  @Field({ description: 'Start (ISO 8601 date-time).' })
  startsAt!: string;

  @Field({ description: 'End (ISO 8601 date-time), at most 25 hours after the start.' })
  endsAt!: string;
}

@ObjectType('DistrictDuty', { description: "One shift on a district's duty list." })
export class DistrictDutyNode {
  @Field(() => ID, { description: 'Id.' })
  id!: string;

  @Field({ description: 'District code.' })
  districtCode!: string;

  @Field(() => ID, { description: 'Roster id of the inspector.' })
  inspectorId!: string;

  @Field({ description: 'Start (ISO 8601).' })
  startsAt!: string;

  @Field({ description: 'End (ISO 8601).' })
  endsAt!: string;
}

@InputType('RecordLeaveInput', { description: 'Record a period of leave.' })
export class RecordLeaveInput {
  @Field(() => ID, { description: 'Roster id of the inspector.' })
  inspectorId!: string;

  @Field(() => LeaveKindEnum, { description: 'Kind of leave.' })
  kind!: LeaveKind;

  @Field({ description: 'First day (YYYY-MM-DD).' })
  startDate!: string;

  @Field({ description: 'Last day, inclusive (YYYY-MM-DD).' })
  endDate!: string;

  @Field(() => String, { nullable: true, description: 'Note, e.g. the order number (at most 500 characters).' })
  note?: string | null;
}

@InputType('ShiftSlotInput', { description: 'One working day of a shift pattern.' })
export class ShiftSlotInput {
  @Field({ description: 'Local start time HH:MM.' })
  start!: string;

  @Field(() => Float, { description: 'Length in hours (1 to 24), breaks included.' })
  hours!: number;
}

@InputType('DefineShiftPatternInput', { description: 'A new shift pattern. Patterns are never changed once defined: define a new code instead.' })
export class DefineShiftPatternInput {
  @Field({ description: 'Code: lower-case letters, digits and hyphens, e.g. twelve-hour-days.' })
  code!: string;

  @Field(() => LocalizedTextInput, { description: 'Name in three languages.' })
  names!: LocalizedTextInput;

  @Field(() => [ShiftSlotInput], { nullable: 'items', description: 'One entry per day of the cycle (1 to 56 days); null is a day off.' })
  cycle!: Array<ShiftSlotInput | null>;

  @Field(() => Boolean, { nullable: true, description: 'true: a week from Monday (7 entries), public holidays off.' })
  weekly?: boolean | null;

  @Field(() => Float, { nullable: true, description: 'Unpaid break inside each shift, hours.' })
  breakHours?: number | null;
}
