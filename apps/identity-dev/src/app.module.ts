import { Module, type DynamicModule } from '@nestjs/common';
import { ObservabilityModule, type Logger } from '@seriktes/observability';
import type { IdentityDevConfig } from './config';
import { IdentityProvider } from './oidc';
import { IDENTITY_CONFIG, OidcController } from './oidc.controller';

@Module({})
export class AppModule {
  static forRoot(config: IdentityDevConfig, logger: Logger, provider: IdentityProvider): DynamicModule {
    return {
      module: AppModule,
      imports: [ObservabilityModule.forRoot({ service: 'identity-dev', logLevel: config.LOG_LEVEL, logger })],
      controllers: [OidcController],
      providers: [
        { provide: IdentityProvider, useValue: provider },
        { provide: IDENTITY_CONFIG, useValue: config },
      ],
    };
  }
}
