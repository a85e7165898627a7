import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@seriktes/graphql';
import { LeaveHoursNode } from '../duty/graphql.types';
import type { LeaveKind } from '../duty/rules';
import { SettlementType } from '../territory/graphql.types';
import type { PrecinctWorkforce } from './workforce.service';

@ObjectType('PrecinctWorkforce', {
  description:
    "A precinct, the officers serving it and their yearly hours after leave and public holidays, summed over those officers (never any one officer's figures): the denominator of the staffing forecast's workload model and shift relief factor.",
})
export class PrecinctWorkforceNode {
  @Field({ description: 'Precinct code, e.g. AST-ESL-01.' })
  precinctCode!: string;

  @Field({ description: 'District police body code, e.g. AST-ESL.' })
  districtCode!: string;

  @Field({ description: 'Region (Police Department) code, e.g. AST.' })
  regionCode!: string;

  @Field(() => Int, { description: 'Resident population.' })
  population!: number;

  @Field(() => Float, { description: 'Area in km².' })
  areaKm2!: number;

  @Field(() => SettlementType, { description: 'Urban or rural.' })
  settlementType!: SettlementType;

  @Field(() => Int, { description: 'The calendar year of the hours.' })
  year!: number;

  @Field({ description: 'Local date (YYYY-MM-DD) on which the officers were counted: today when `year` is the current year, otherwise 1 January of `year`.' })
  countedOn!: string;

  @Field(() => Int, { description: 'Officers assigned to the precinct on `countedOn`, all positions (district and senior district inspectors, juvenile inspectors, assistants), each once.' })
  officers!: number;

  @Field(() => Int, { description: 'Of those, officers in the inspector post (district or senior district inspector); normally 0 or 1.' })
  postHolders!: number;

  @Field(() => Int, { description: 'Of those, officers who also serve another precinct on `countedOn` (e.g. acting cover of a vacant one); their hours count in full in every precinct they serve.' })
  sharedOfficers!: number;

  @Field(() => Int, { description: 'Of those, officers with a duty schedule in force on at least one day of `year`.' })
  officersWithSchedule!: number;

  @Field(() => Float, { description: "Paid hours of every shift the officers' schedules give in `year` (a shift belongs to the year of its local start date)." })
  scheduledHours!: number;

  @Field(() => Float, { description: 'Of those, hours of shifts starting on a day of leave, all kinds together.' })
  leaveHours!: number;

  @Field(() => [LeaveHoursNode], { description: 'leaveHours by kind of leave (kinds with hours only, in the order of LeaveKind).' })
  leaveHoursByKind!: Array<{ kind: LeaveKind; hours: number }>;

  @Field(() => Float, {
    description:
      'Of scheduledHours, hours of office-pattern (five-day) shifts on public days off: the fixed-date holidays and the working days they move to from a weekend (Kurban ait only for 2026; decree day swaps not included). Rotating duty works through holidays.',
  })
  holidayHours!: number;

  @Field(() => Float, { description: 'scheduledHours − leaveHours − holidayHours.' })
  availableHours!: number;

  @Field(() => Float, { nullable: true, description: 'availableHours / officersWithSchedule; null when no officer has a schedule in `year`.' })
  availableHoursPerOfficer!: number | null;
}

export const PrecinctWorkforceConnection = ConnectionType(PrecinctWorkforceNode, 'PrecinctWorkforce', 'A page of precinct workforce figures, ordered by precinct code.');

export const toPrecinctWorkforceNode = (w: PrecinctWorkforce): PrecinctWorkforceNode => ({
  precinctCode: w.code,
  districtCode: w.districtCode,
  regionCode: w.regionCode,
  population: w.population,
  areaKm2: Math.round(w.areaKm2 * 10_000) / 10_000,
  settlementType: w.settlementType as SettlementType,
  year: w.year,
  countedOn: w.countedOn,
  officers: w.officers,
  postHolders: w.postHolders,
  sharedOfficers: w.sharedOfficers,
  officersWithSchedule: w.officersWithSchedule,
  scheduledHours: w.scheduledHours,
  leaveHours: w.leaveHours,
  leaveHoursByKind: w.leaveHoursByKind,
  holidayHours: w.holidayHours,
  availableHours: w.availableHours,
  availableHoursPerOfficer: w.availableHoursPerOfficer,
});
