import { Args, Int, Mutation, Parent, Query, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { CurrentUser, forbidden, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { localDateOf } from '@seriktes/calendar';
import { invalidInput } from '@seriktes/runtime';
import { MANAGE_ROLES, MANAGER_READ_ROLES, mayReadDetail, mayReadScope, READ_ROLES } from '../access';
import { IndexFigureNode, PrecinctRef, ServiceLineEnum, SurveyCommentsNode, SurveyJSON, SurveyResultsNode, UnitPulseNode } from '../graphql.types';
import type { PublishedVersion } from '../instruments/instrument.service';
import type { AgeBand, Sex } from '../instruments/types';
import { monthOf, quarterOf, type PeriodKind } from './cells';
import { figureNode } from './figure.mapper';
import { IndexService, parsePeriod, parseScope, periodLabel, type Period } from './index.service';

const AREA = 'area-safety';
const POST_CONTACT = 'post-contact';
const PULSE = 'staff-pulse';

function indicatorsNamed(version: PublishedVersion, codes: readonly string[], field: string) {
  const found = codes.map((c) => version.indicators.find((i) => i.code === c));
  const missing = codes.filter((_, i) => !found[i]);
  if (missing.length > 0) throw invalidInput([{ field, message: `${missing.join(', ')} not in ${version.code} v${version.version}; it has ${version.indicators.filter((i) => !i.derived).map((i) => i.code).join(', ')}` }]);
  return found.map((f) => f!);
}

const headline = (version: PublishedVersion) => version.indicators.filter((i) => i.headline);

/** The current quarter (Asia/Almaty), as the default period of a precinct's figures. */
function currentQuarter(now = new Date()): Period {
  const start = quarterOf(monthOf(localDateOf(now)));
  return { kind: 'quarter', start, label: periodLabel('quarter', start) };
}

@Resolver()
export class IndexResolver {
  constructor(private readonly indices: IndexService) {}

  private readable(user: AuthenticatedUser, territoryCode: string) {
    const scope = parseScope(territoryCode);
    if (!mayReadScope(user, scope.code)) throw forbidden(`figures of ${scope.code} are not within your territory`);
    return scope;
  }

  @Query(() => IndexFigureNode, { description: 'A trust or safety construct of the area survey (trust, procedural_justice, effectiveness, everyday_safety, feel_safe, good_job, knows_contact) for a territory and period, with n, interval and suppression.' })
  @Roles(...READ_ROLES)
  async trustIndex(
    @CurrentUser() user: AuthenticatedUser,
    @Args('territoryCode', { description: 'KAZ, a region, district or precinct code.' }) territoryCode: string,
    @Args('period', { description: 'A month `2026-11` or a quarter `2026-Q4`.' }) period: string,
    @Args('construct', { defaultValue: 'trust', description: 'Indicator code.' }) construct: string,
    @Args('version', { type: () => Int, nullable: true, description: 'Instrument version; the current one by default.' }) version: number | null,
    @Args('weighted', { defaultValue: false, description: 'Weight to the population margins of the territory (design effect shown).' }) weighted: boolean,
  ): Promise<IndexFigureNode> {
    const scope = this.readable(user, territoryCode);
    const v = await this.indices.instrument(AREA, version);
    const [figure] = await this.indices.figures(v, indicatorsNamed(v, [construct], 'construct'), scope, parsePeriod(period), { weighted });
    return figureNode(figure);
  }

  @Query(() => [IndexFigureNode], { description: 'Post-contact satisfaction (CSAT % 4-5, share resolved, quality of contact) for a territory and period, all service lines or one.' })
  @Roles(...READ_ROLES)
  async satisfaction(
    @CurrentUser() user: AuthenticatedUser,
    @Args('territoryCode', { description: 'KAZ, a region, district or precinct code.' }) territoryCode: string,
    @Args('period', { description: 'A month `2026-11` or a quarter `2026-Q4`.' }) period: string,
    @Args('serviceLine', { type: () => ServiceLineEnum, nullable: true, description: 'One service line; all together when absent.' }) serviceLine: ServiceLineEnum | null,
    @Args('version', { type: () => Int, nullable: true, description: 'Instrument version; the current one by default.' }) version: number | null,
  ): Promise<IndexFigureNode[]> {
    const scope = this.readable(user, territoryCode);
    const v = await this.indices.instrument(POST_CONTACT, version);
    return (await this.indices.figures(v, headline(v), scope, parsePeriod(period), { serviceLine })).map(figureNode);
  }

  @Query(() => SurveyResultsNode, { description: 'All figures of one version of an instrument for a territory and period: indicators, item means, top-2-box and answer shares.' })
  @Roles(...READ_ROLES)
  async surveyResults(
    @CurrentUser() user: AuthenticatedUser,
    @Args('instrument', { description: 'Instrument code: post-contact, area-safety, staff-pulse.' }) instrument: string,
    @Args('version', { type: () => Int, nullable: true, description: 'Version; the current one by default. Results of different versions never mix.' }) version: number | null,
    @Args('territoryCode', { description: 'KAZ, a region, district or precinct code.' }) territoryCode: string,
    @Args('period', { description: 'A month `2026-11` or a quarter `2026-Q4`.' }) period: string,
    @Args('weighted', { defaultValue: false, description: 'Weight to population margins.' }) weighted: boolean,
  ): Promise<SurveyResultsNode> {
    const scope = this.readable(user, territoryCode);
    const v = await this.indices.instrument(instrument, version);
    const p = parsePeriod(period);
    const figures = await this.indices.figures(v, v.indicators, scope, p, { weighted });
    return { instrumentCode: v.code, version: v.version, territoryCode: scope.code, period: p.label, figures: figures.map(figureNode) };
  }

  @Query(() => [IndexFigureNode], { description: 'One indicator month by month or quarter by quarter, oldest first (at most 60 periods).' })
  @Roles(...READ_ROLES)
  async indexSeries(
    @CurrentUser() user: AuthenticatedUser,
    @Args('instrument', { defaultValue: AREA, description: 'Instrument code.' }) instrument: string,
    @Args('indicator', { defaultValue: 'trust', description: 'Indicator code.' }) indicator: string,
    @Args('territoryCode', { description: 'KAZ, a region, district or precinct code.' }) territoryCode: string,
    @Args('from', { description: 'First period, `2026-01` or `2026-Q1`.' }) from: string,
    @Args('to', { description: 'Last period, of the same kind.' }) to: string,
    @Args('version', { type: () => Int, nullable: true, description: 'Version; the current one by default.' }) version: number | null,
  ): Promise<IndexFigureNode[]> {
    const scope = this.readable(user, territoryCode);
    const a = parsePeriod(from, 'from');
    const b = parsePeriod(to, 'to');
    if (a.kind !== b.kind || b.start < a.start) throw invalidInput([{ field: 'to', message: 'a period of the same kind, not before `from`' }]);
    const months = (Number(b.start.slice(0, 4)) - Number(a.start.slice(0, 4))) * 12 + Number(b.start.slice(5, 7)) - Number(a.start.slice(5, 7));
    if (months / (a.kind === 'month' ? 1 : 3) >= 60) throw invalidInput([{ field: 'to', message: 'at most 60 periods' }]);
    const v = await this.indices.instrument(instrument, version);
    const [ind] = indicatorsNamed(v, [indicator], 'indicator');
    return (await this.indices.series(v, ind, scope, a.kind as PeriodKind, a.start, b.start)).map(figureNode);
  }

  @Query(() => [IndexFigureNode], { description: 'Post-contact figures of one inspector in a district; values only from the minimum n up (managers and analysts of the district).' })
  @Roles(...MANAGER_READ_ROLES)
  async inspectorSatisfaction(
    @CurrentUser() user: AuthenticatedUser,
    @Args('districtCode', { description: 'District the contacts were in.' }) districtCode: string,
    @Args('inspectorId', { description: 'Inspector id (inspector-roster).' }) inspectorId: string,
    @Args('period', { description: 'A month or a quarter.' }) period: string,
  ): Promise<IndexFigureNode[]> {
    if (parseScope(districtCode, 'districtCode').level !== 'district') throw invalidInput([{ field: 'districtCode', message: 'a district code' }]);
    if (!mayReadDetail(user, districtCode)) throw forbidden(`figures per inspector of ${districtCode} are for its managers and analysts`);
    const v = await this.indices.instrument(POST_CONTACT);
    return (await this.indices.figures(v, headline(v), this.indices.inspectorScope(districtCode, inspectorId), parsePeriod(period))).map(figureNode);
  }

  @Query(() => UnitPulseNode, { description: 'The staff pulse of a unit beside its citizens’ trust and satisfaction.' })
  @Roles(...READ_ROLES)
  async unitPulse(
    @CurrentUser() user: AuthenticatedUser,
    @Args('unitCode', { description: 'Unit (district) code.' }) unitCode: string,
    @Args('period', { description: 'A month or a quarter.' }) period: string,
  ): Promise<UnitPulseNode> {
    const scope = this.readable(user, unitCode);
    if (scope.level !== 'district') throw invalidInput([{ field: 'unitCode', message: 'a district (police unit) code' }]);
    const p = parsePeriod(period);
    const pulse = await this.indices.instrument(PULSE);
    const area = await this.indices.instrument(AREA);
    const contact = await this.indices.instrument(POST_CONTACT);
    const citizens = [
      ...(await this.indices.figures(area, indicatorsNamed(area, ['trust'], 'unitCode'), scope, p)),
      ...(await this.indices.figures(contact, indicatorsNamed(contact, ['csat'], 'unitCode'), scope, p)),
    ];
    return { unitCode: scope.code, period: p.label, staff: (await this.indices.figures(pulse, headline(pulse), scope, p)).map(figureNode), citizens: citizens.map(figureNode) };
  }

  @Query(() => SurveyCommentsNode, { description: 'Masked free-text answers of a territory and period (from the minimum n of responses up; managers and analysts; audit-logged).' })
  @Roles(...MANAGER_READ_ROLES)
  async surveyComments(
    @CurrentUser() user: AuthenticatedUser,
    @Args('instrument', { description: 'Instrument code.' }) instrument: string,
    @Args('territoryCode', { description: 'A region, district or precinct code, or KAZ.' }) territoryCode: string,
    @Args('period', { description: 'A month or a quarter.' }) period: string,
    @Args('first', { type: () => Int, defaultValue: 50, description: 'How many, at most 200.' }) first: number,
  ): Promise<SurveyCommentsNode> {
    const scope = parseScope(territoryCode);
    if (!mayReadDetail(user, scope.code)) throw forbidden(`comments of ${scope.code} are for its managers and analysts`);
    if (!Number.isInteger(first) || first < 1 || first > 200) throw invalidInput([{ field: 'first', message: '1..200' }]);
    const v = await this.indices.instrument(instrument);
    const { total, items } = await this.indices.comments(user, v, scope, parsePeriod(period), first);
    return { responses: total, items };
  }

  @Mutation(() => Boolean, { description: 'Records the population shares by sex and age band of a territory, used to weight its figures and those inside it.' })
  @Roles(...MANAGE_ROLES)
  async setPopulationMargins(
    @CurrentUser() user: AuthenticatedUser,
    @Args('territoryCode', { description: 'KAZ, a region, district or precinct code.' }) territoryCode: string,
    @Args('sex', { type: () => SurveyJSON, description: 'Shares or counts: {"female": 0.53, "male": 0.47}.' }) sex: Record<Sex, number>,
    @Args('ageBand', { type: () => SurveyJSON, description: 'Shares or counts for 16-24, 25-34, 35-44, 45-59, 60+.' }) ageBand: Record<AgeBand, number>,
    @Args('source', { description: 'Where the figures come from, e.g. "Bureau of National Statistics, 2026".' }) source: string,
  ): Promise<boolean> {
    if (!mayReadDetail(user, territoryCode) && !(territoryCode === 'KAZ' && user.jurisdiction.level === 'national')) throw forbidden(`margins of ${territoryCode} are set by its analysts and heads`);
    await this.indices.setMargins(user, territoryCode, { sex, ageBand }, source);
    return true;
  }
}

@Resolver(() => PrecinctRef)
export class PrecinctTrustResolver {
  constructor(private readonly indices: IndexService) {}

  @ResolveReference()
  resolveReference(@Parent() reference: { __typename: string; id: string }): PrecinctRef {
    return { id: reference.id };
  }

  @ResolveField(() => [IndexFigureNode], { nullable: true, description: 'Headline trust and safety figures of the area survey for this precinct (current quarter by default); null with a FORBIDDEN error outside the caller’s territory.' })
  @Roles(...READ_ROLES)
  async trust(
    @Parent() precinct: PrecinctRef,
    @CurrentUser() user: AuthenticatedUser,
    @Args('period', { type: () => String, nullable: true, description: 'A month or a quarter; the current quarter by default.' }) period: string | null,
  ): Promise<IndexFigureNode[]> {
    if (!mayReadScope(user, precinct.id)) throw forbidden(`figures of ${precinct.id} are not within your territory`);
    const v = await this.indices.instrument(AREA);
    return (await this.indices.figures(v, headline(v), parseScope(precinct.id), period ? parsePeriod(period) : currentQuarter())).map(figureNode);
  }
}
