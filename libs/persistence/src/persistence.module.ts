import { Module, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HealthRegistry } from '@seriktes/observability';
import { serviceDataSourceOptions, type ServiceDatabaseOptions } from './data-source';
import { assertMigrated } from './migrations';

/** Checks the schema at boot and reports the database in `GET /health`. */
class DatabaseLifecycle implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly health: HealthRegistry,
    private readonly service: string,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await assertMigrated(this.dataSource, this.service);
    this.health.register('database', async () => {
      await this.dataSource.query('SELECT 1');
    });
  }
}

/** TypeORM for one service schema, with the platform's rules (see `serviceDataSourceOptions`). */
@Module({})
export class PersistenceModule {
  static forRoot(service: string, options: ServiceDatabaseOptions): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRoot({
          ...serviceDataSourceOptions(options),
          retryAttempts: 3,
          retryDelay: 1000,
        }),
      ],
      providers: [
        {
          provide: DatabaseLifecycle,
          inject: [DataSource, HealthRegistry],
          useFactory: (dataSource: DataSource, health: HealthRegistry) =>
            new DatabaseLifecycle(dataSource, health, service),
        },
      ],
    };
  }
}
