import { Args, Field, InputType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { badUserInput } from '@seriktes/graphql';
import { STATS_ROLES } from '../intake/access';
import { StatBucketNode } from '../intake/graphql.types';
import { StatsService, type StatsGroup } from './stats.service';

export enum StatsGroupEnum {
  REGION = 'region',
  DISTRICT = 'district',
  PRECINCT = 'precinct',
  CATEGORY = 'category',
  STATUS = 'status',
  KIND = 'kind',
  CHANNEL = 'channel',
  MONTH = 'month',
}
registerEnumType(StatsGroupEnum, { name: 'RequestStatsGroup', description: 'How to group request statistics.' });

@InputType('RequestStatsScope', { description: 'The territory (within your jurisdiction); empty for all of it.' })
export class StatsScopeInput {
  @Field(() => String, { nullable: true, description: 'Region code.' })
  regionCode?: string | null;

  @Field(() => String, { nullable: true, description: 'District code.' })
  districtCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Precinct code.' })
  precinctCode?: string | null;
}

@InputType('RequestStatsPeriod', { description: 'Requests received from (inclusive) to (exclusive), ISO 8601.' })
export class StatsPeriodInput {
  @Field({ description: 'From (ISO 8601).' })
  from!: string;

  @Field({ description: 'To (ISO 8601, exclusive).' })
  to!: string;
}

@Resolver()
export class StatsResolver {
  constructor(private readonly stats: StatsService) {}

  @Query(() => [StatBucketNode], { description: 'Statistics of requests for command dashboards: received, open, overdue, answered (in term), closed, median days to answer, grouped one way. Aggregates only.' })
  @Roles(...STATS_ROLES)
  requestStats(
    @CurrentUser() user: AuthenticatedUser,
    @Args('period', { type: () => StatsPeriodInput, description: 'When received.' }) period: StatsPeriodInput,
    @Args('groupBy', { type: () => StatsGroupEnum, description: 'How to group.' }) groupBy: StatsGroupEnum,
    @Args('scope', { type: () => StatsScopeInput, nullable: true, description: 'Which territory.' }) scope?: StatsScopeInput,
  ): Promise<StatBucketNode[]> {
    const from = new Date(period.from);
    const to = new Date(period.to);
    const errors: Array<{ field: string; message: string }> = [];
    if (Number.isNaN(from.getTime())) errors.push({ field: 'period.from', message: 'must be an ISO 8601 date-time' });
    if (Number.isNaN(to.getTime())) errors.push({ field: 'period.to', message: 'must be an ISO 8601 date-time' });
    if (!errors.length && to <= from) errors.push({ field: 'period.to', message: 'must be after period.from' });
    if (errors.length) throw badUserInput(errors);
    return this.stats.stats(user, { regionCode: scope?.regionCode ?? undefined, districtCode: scope?.districtCode ?? undefined, precinctCode: scope?.precinctCode ?? undefined }, from, to, groupBy as StatsGroup);
  }
}
