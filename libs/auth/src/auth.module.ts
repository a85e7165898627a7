import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AuthErrorFilter } from './auth-error.filter';
import { AuthGuard } from './auth.guard';
import { ServiceTokenClient } from './service-token';
import { TokenVerifier, type AuthSettings } from './verifier';

/**
 * Authentication for a whole app: the guard runs on every HTTP route and GraphQL resolver
 * (deny by default; `@Public()` opens a route), `TokenVerifier` and `ServiceTokenClient` (this
 * service's own client-credentials tokens for service-to-service calls) are injectable.
 */
@Module({})
export class AuthModule {
  static forRoot(settings: AuthSettings, extra: Provider[] = []): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: TokenVerifier, useValue: new TokenVerifier(settings) },
        { provide: ServiceTokenClient, useValue: new ServiceTokenClient(settings) },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: AuthErrorFilter },
        ...extra,
      ],
      exports: [TokenVerifier, ServiceTokenClient],
    };
  }
}
