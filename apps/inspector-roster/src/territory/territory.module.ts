import { Module } from '@nestjs/common';
import { CaseloadModule } from '../caseload/caseload.module';
import { DistrictResolver, PrecinctResolver, RegionResolver } from './territory.resolver';
import { TerritoryService } from './territory.service';

@Module({ imports: [CaseloadModule], providers: [TerritoryService, PrecinctResolver, RegionResolver, DistrictResolver], exports: [TerritoryService] })
export class TerritoryModule {}
