import { Args, Float, Int, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { coversPrecinct, coversTerritory, CurrentUser, describeJurisdiction, forbidden, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { DISTRICT_CODE_PATTERN, parsePrecinctCode, REGION_CODE_PATTERN } from '@seriktes/contracts';
import { badUserInput, encodeCursor, LANGUAGE_ARG, Language, pageArgs, toConnection, withCursorErrors, type Connection } from '@seriktes/graphql';
import { ROSTER_READ_ROLES, TERRITORY_READ_ROLES } from '../access';
import { CASELOAD_READ_ROLES } from '../caseload/access';
import { CaseloadService } from '../caseload/caseload.service';
import { CaseloadNode } from '../caseload/graphql.types';
import { localDateOf } from '../duty/rules/time';
import { AssignmentNode, InspectorNode, toAssignmentNode, toInspectorNode } from '../inspectors/graphql.types';
import { assignmentHistory, assignmentsOn, HOLDER_POSITIONS } from '../inspectors/inspector.repository';
import {
  DistrictNode,
  PrecinctConnection,
  PrecinctFilterInput,
  PrecinctLocationNode,
  PrecinctNode,
  RegionNode,
  toDistrictNode,
  toPrecinctNode,
  toRegionNode,
} from './graphql.types';
import { checkCoordinates, DEFAULT_NEAR_METRES, MAX_NEAR_METRES, type MatchKind } from './lookup';
import { TerritoryService } from './territory.service';

const REGION = new RegExp(REGION_CODE_PATTERN);
const DISTRICT = new RegExp(DISTRICT_CODE_PATTERN);

/** Territory queries. Territory facts are public information: every signed-in user may read them. */
@Resolver(() => PrecinctNode)
@Roles(...TERRITORY_READ_ROLES)
export class PrecinctResolver {
  constructor(
    private readonly territory: TerritoryService,
    private readonly caseloads: CaseloadService,
  ) {}

  @Query(() => PrecinctNode, { nullable: true, description: 'The precinct a point lies in (on a shared boundary: the lowest code; up to 150 m outside every precinct: the nearest); null if none.' })
  async precinctAt(
    @Args('lat', { type: () => Float, description: 'Latitude, degrees north (WGS 84).' }) lat: number,
    @Args('lon', { type: () => Float, description: 'Longitude, degrees east (WGS 84).' }) lon: number,
  ): Promise<PrecinctNode | null> {
    const errors = checkCoordinates(lat, lon);
    if (errors.length) throw badUserInput(errors);
    const found = await this.territory.locate(lat, lon);
    return found ? toPrecinctNode(found.precinct) : null;
  }

  @Query(() => PrecinctLocationNode, { nullable: true, description: 'Like precinctAt, and says how the point was matched and how far it is from the precinct.' })
  async locatePrecinct(
    @Args('lat', { type: () => Float, description: 'Latitude, degrees north (WGS 84).' }) lat: number,
    @Args('lon', { type: () => Float, description: 'Longitude, degrees east (WGS 84).' }) lon: number,
    @Args('withinMetres', { type: () => Float, nullable: true, description: `How far outside every precinct a point may be matched to the nearest (default ${DEFAULT_NEAR_METRES}, at most ${MAX_NEAR_METRES}).` })
    withinMetres?: number,
  ): Promise<{ precinct: PrecinctNode; match: MatchKind; distanceMetres: number } | null> {
    const errors = checkCoordinates(lat, lon);
    if (withinMetres !== undefined && withinMetres !== null && !(withinMetres >= 0 && withinMetres <= MAX_NEAR_METRES)) {
      errors.push({ field: 'withinMetres', message: `must be between 0 and ${MAX_NEAR_METRES}` });
    }
    if (errors.length) throw badUserInput(errors);
    const found = await this.territory.locate(lat, lon, withinMetres ?? DEFAULT_NEAR_METRES);
    return found ? { precinct: toPrecinctNode(found.precinct), match: found.match, distanceMetres: Math.round(found.distanceMetres * 10) / 10 } : null;
  }

  @Query(() => PrecinctNode, { nullable: true, description: 'A precinct by code; null if there is none.' })
  async precinct(@Args('code', { description: 'Precinct code, e.g. AST-ESL-01.' }) code: string): Promise<PrecinctNode | null> {
    if (!parsePrecinctCode(code)) throw badUserInput([{ field: 'code', message: 'must be a precinct code like AST-ESL-01' }]);
    const found = await this.territory.precinct(code);
    return found ? toPrecinctNode(found) : null;
  }

  @Query(() => PrecinctConnection, { description: 'Precincts within your jurisdiction (HQ: all; a department head: the region; a unit head: the district; an inspector: their precinct), by code.' })
  @Roles(...ROSTER_READ_ROLES, ...CASELOAD_READ_ROLES)
  async precincts(
    @CurrentUser() user: AuthenticatedUser,
    @Args('filter', { type: () => PrecinctFilterInput, nullable: true, description: 'Which precincts.' }) filter?: PrecinctFilterInput,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 100 (default 20).' }) first?: number,
    @Args('after', { nullable: true, description: 'endCursor of the previous page.' }) after?: string,
  ): Promise<Connection<PrecinctNode>> {
    const errors: Array<{ field: string; message: string }> = [];
    if (filter?.regionCode && !REGION.test(filter.regionCode)) errors.push({ field: 'filter.regionCode', message: 'must be a region code like AST' });
    if (filter?.districtCode && !DISTRICT.test(filter.districtCode)) errors.push({ field: 'filter.districtCode', message: 'must be a district code like AST-ESL' });
    if (errors.length) throw badUserInput(errors);
    const page = pageArgs(first, after);
    const result = await withCursorErrors(() =>
      this.territory.list(
        user,
        { regionCode: filter?.regionCode ?? undefined, districtCode: filter?.districtCode ?? undefined, settlementType: filter?.settlementType ?? undefined, vacant: filter?.vacant ?? undefined },
        page,
      ),
    );
    return toConnection(result.rows, page.size, toPrecinctNode, (p) => encodeCursor([p.code]), result.totalCount);
  }

  /** A precinct referenced by another subgraph (e.g. a citizen request's precinct). */
  @ResolveReference()
  async resolveReference(@Parent() reference: { __typename: string; id: string }): Promise<PrecinctNode | null> {
    const found = await this.territory.precinct(reference.id);
    return found ? toPrecinctNode(found) : null;
  }

  @ResolveField(() => String, { description: 'Name in the language asked for.' })
  name(@Parent() precinct: PrecinctNode, @Args(LANGUAGE_ARG) lang: Language): string {
    return precinct.names[lang];
  }

  @ResolveField(() => DistrictNode, { description: 'The district police body the precinct belongs to.' })
  async district(@Parent() precinct: PrecinctNode): Promise<DistrictNode> {
    return toDistrictNode(await this.territory.districtOf(precinct.districtCode));
  }

  @ResolveField(() => RegionNode, { description: 'The region (Police Department).' })
  async region(@Parent() precinct: PrecinctNode): Promise<RegionNode> {
    return toRegionNode(await this.territory.regionOf(precinct.regionCode));
  }

  @ResolveField(() => [InspectorNode], { description: 'Officers serving the precinct today, the holder of the inspector post first (empty for a vacant precinct).' })
  async inspectors(@Parent() precinct: PrecinctNode): Promise<InspectorNode[]> {
    const current = await assignmentsOn(this.territory.manager, [precinct.code], localDateOf(new Date()));
    return current.map((a) => toInspectorNode(a.inspector));
  }

  @ResolveField(() => Float, { nullable: true, description: 'Residents per inspector-post holder today; null for a vacant precinct.' })
  async residentsPerInspector(@Parent() precinct: PrecinctNode): Promise<number | null> {
    const current = await assignmentsOn(this.territory.manager, [precinct.code], localDateOf(new Date()));
    const holders = current.filter((a) => HOLDER_POSITIONS.includes(a.position)).length;
    return holders ? precinct.population / holders : null;
  }

  @ResolveField(() => [PrecinctNode], { description: 'Precincts sharing a boundary (or a corner) with this one, by code.' })
  async neighbours(@Parent() precinct: PrecinctNode): Promise<PrecinctNode[]> {
    return (await this.territory.neighbours(precinct.code)).map(toPrecinctNode);
  }

  @ResolveField(() => [AssignmentNode], { nullable: true, description: 'Every assignment to the precinct, newest first (police management and planners within their territory).' })
  @Roles(...ROSTER_READ_ROLES)
  async assignments(@Parent() precinct: PrecinctNode, @CurrentUser() user: AuthenticatedUser): Promise<AssignmentNode[]> {
    if (!coversPrecinct(user.jurisdiction, precinct.code)) throw forbidden(`precinct ${precinct.code} is outside your jurisdiction (${describeJurisdiction(user.jurisdiction)})`);
    return (await assignmentHistory(this.territory.manager, { precinctCode: precinct.code })).map(toAssignmentNode);
  }

  @ResolveField(() => CaseloadNode, { nullable: true, description: 'Open, overdue and recently closed requests and tasks (police, planners, partners and councils within their territory).' })
  @Roles(...CASELOAD_READ_ROLES)
  async caseload(@Parent() precinct: PrecinctNode, @CurrentUser() user: AuthenticatedUser): Promise<CaseloadNode> {
    if (!coversPrecinct(user.jurisdiction, precinct.code)) throw forbidden(`precinct ${precinct.code} is outside your jurisdiction (${describeJurisdiction(user.jurisdiction)})`);
    return this.caseloads.ofPrecinct(precinct.code);
  }
}

@Resolver(() => RegionNode)
@Roles(...TERRITORY_READ_ROLES)
export class RegionResolver {
  constructor(private readonly territory: TerritoryService) {}

  @Query(() => [RegionNode], { description: 'The 20 territorial Police Departments and the Transport Police, by code.' })
  async regions(): Promise<RegionNode[]> {
    return (await this.territory.regions()).map(toRegionNode);
  }

  @Query(() => RegionNode, { nullable: true, description: 'A region by code; null if there is none.' })
  async region(@Args('code', { description: 'Region code, e.g. AST.' }) code: string): Promise<RegionNode | null> {
    const found = await this.territory.region(code);
    return found ? toRegionNode(found) : null;
  }

  @ResolveField(() => String, { description: 'Name of the territory in the language asked for.' })
  name(@Parent() region: RegionNode, @Args(LANGUAGE_ARG) lang: Language): string {
    return region.names[lang];
  }

  @ResolveField(() => [DistrictNode], { description: 'Its districts, by code.' })
  async districts(@Parent() region: RegionNode): Promise<DistrictNode[]> {
    return (await this.territory.districts(region.code)).map(toDistrictNode);
  }

  @ResolveField(() => Int, { description: 'Resident population of its precincts.' })
  async population(@Parent() region: RegionNode): Promise<number> {
    return (await this.territory.totals(region.code)).population;
  }

  @ResolveField(() => Int, { description: 'Number of its precincts.' })
  async precinctCount(@Parent() region: RegionNode): Promise<number> {
    return (await this.territory.totals(region.code)).precincts;
  }
}

@Resolver(() => DistrictNode)
@Roles(...TERRITORY_READ_ROLES)
export class DistrictResolver {
  constructor(private readonly territory: TerritoryService) {}

  @Query(() => DistrictNode, { nullable: true, description: 'A district by code; null if there is none.' })
  async district(@Args('code', { description: 'District code, e.g. AST-ESL.' }) code: string): Promise<DistrictNode | null> {
    const found = await this.territory.district(code);
    return found ? toDistrictNode(found) : null;
  }

  @ResolveField(() => String, { description: 'Name in the language asked for.' })
  name(@Parent() district: DistrictNode, @Args(LANGUAGE_ARG) lang: Language): string {
    return district.names[lang];
  }

  @ResolveField(() => RegionNode, { description: 'Its region.' })
  async region(@Parent() district: DistrictNode): Promise<RegionNode> {
    return toRegionNode(await this.territory.regionOf(district.regionCode));
  }

  @ResolveField(() => Int, { description: 'Resident population of its precincts.' })
  async population(@Parent() district: DistrictNode): Promise<number> {
    return (await this.territory.totals(district.code)).population;
  }

  @ResolveField(() => Int, { description: 'Number of its precincts.' })
  async precinctCount(@Parent() district: DistrictNode): Promise<number> {
    return (await this.territory.totals(district.code)).precincts;
  }

  @ResolveField(() => [PrecinctNode], { nullable: true, description: 'Its precincts, by code (for those whose jurisdiction covers the district).' })
  @Roles(...ROSTER_READ_ROLES, ...CASELOAD_READ_ROLES)
  async precincts(@Parent() district: DistrictNode, @CurrentUser() user: AuthenticatedUser): Promise<PrecinctNode[]> {
    if (!coversTerritory(user.jurisdiction, district.code)) throw forbidden(`district ${district.code} is outside your jurisdiction (${describeJurisdiction(user.jurisdiction)})`);
    return (await this.territory.list(user, { districtCode: district.code }, { size: 1000 })).rows.map(toPrecinctNode);
  }
}
