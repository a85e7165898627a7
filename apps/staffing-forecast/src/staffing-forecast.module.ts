import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { RequestErrorFilter } from '@seriktes/runtime';
import type { StaffingForecastConfig } from './config';
import { InputIngestion } from './inputs/ingestion.service';
import { InputsRepository } from './inputs/inputs.repository';
import { ROSTER_SETTINGS, RosterSync } from './inputs/roster.sync';
import { WorkloadResolver } from './inputs/workload.resolver';
import { ResultsService } from './runs/results.service';
import { PrecinctStaffingResolver, RunResolver } from './runs/run.resolver';
import { FORECAST_JOB_INTERVAL, RunService } from './runs/run.service';
import { WorkforceResolver } from './workforce/workforce.resolver';
import { WorkforceService } from './workforce/workforce.service';

/** Staffing forecasts: inputs gathered from events and the roster, workforce facts, models, runs and their results. */
@Module({})
export class StaffingForecastModule {
  static forRoot(config: StaffingForecastConfig): DynamicModule {
    return {
      module: StaffingForecastModule,
      providers: [
        { provide: APP_FILTER, useClass: RequestErrorFilter },
        { provide: ROSTER_SETTINGS, useValue: { url: config.ROSTER_GRAPHQL_URL, maxAgeMinutes: config.ROSTER_SYNC_MAX_AGE_MINUTES } },
        { provide: FORECAST_JOB_INTERVAL, useValue: config.FORECAST_JOB_INTERVAL_MS },
        InputIngestion,
        InputsRepository,
        RosterSync,
        RunService,
        ResultsService,
        WorkforceService,
        RunResolver,
        PrecinctStaffingResolver,
        WorkforceResolver,
        WorkloadResolver,
      ],
      exports: [RunService, RosterSync, InputIngestion, WorkforceService],
    };
  }
}
