import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { STATS_ROLES } from '../access';
import { TaskStatsNode } from '../graphql.types';
import { StatsService, type StatsGroupBy } from './stats.service';

@Resolver()
export class StatsResolver {
  constructor(private readonly stats: StatsService) {}

  @Query(() => [TaskStatsNode], { description: 'Task dashboard: open, overdue, on-time completion rate, median days overdue, by agency, status or month (counts only; within the caller’s scope).' })
  @Roles(...STATS_ROLES)
  taskStats(
    @CurrentUser() user: AuthenticatedUser,
    @Args('groupBy', { description: 'agency, status or month.' }) groupBy: string,
    @Args('territoryCode', { type: () => String, nullable: true, description: 'Within this territory.' }) territoryCode: string | null,
    @Args('commissionId', { type: () => ID, nullable: true, description: 'Of this commission.' }) commissionId: string | null,
  ): Promise<TaskStatsNode[]> {
    return this.stats.taskStats(user, { territoryCode, commissionId }, groupBy as StatsGroupBy);
  }
}
