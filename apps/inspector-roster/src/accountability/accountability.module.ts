import { Module } from '@nestjs/common';
import { InspectorsModule } from '../inspectors/inspectors.module';
import { TerritoryModule } from '../territory/territory.module';
import { AccountabilityResolver, CandidacyResolver, CommunityMeetingResolver, PrecinctAccountabilityResolver } from './accountability.resolver';
import { AccountabilityService } from './accountability.service';

/**
 * Appointment of district inspectors after public discussion with the precinct's residents, and
 * their reports to residents (Law on IAB Art. 10(3)(2), 14(33)). Adds `candidacies`,
 * `communityMeetings`, `nextReportDue` and `reportOverdue` to `Precinct`.
 */
@Module({
  imports: [InspectorsModule, TerritoryModule],
  providers: [AccountabilityService, AccountabilityResolver, PrecinctAccountabilityResolver, CandidacyResolver, CommunityMeetingResolver],
  exports: [AccountabilityService],
})
export class AccountabilityModule {}
