import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { EMAIL_SENDER, LoggingSender, RequestErrorFilter } from '@seriktes/runtime';
import type { PartnerHubConfig } from './config';
import { EventIngestion } from './events/ingestion.service';
import { EventRetention, RETENTION_DAYS } from './events/retention.service';
import { CATALOGUE_LINKS, CatalogueController } from './feed/catalogue.controller';
import { FeedController } from './feed/feed.controller';
import { DeliveryLog } from './subscriptions/delivery-log.service';
import { SubscriptionResolver } from './subscriptions/subscription.resolver';
import { ENDPOINT_MODE, SubscriptionService } from './subscriptions/subscription.service';
import { DispatchSignal } from './webhooks/dispatch-signal';
import { DISPATCH_SETTINGS, Dispatcher } from './webhooks/dispatcher.service';
import { SecretBox } from './webhooks/secret-box';

/** Partners' subscriptions, event ingestion and fan-out, webhook delivery, the feed and the catalogue. */
@Module({})
export class PartnerHubModule {
  static forRoot(config: PartnerHubConfig): DynamicModule {
    if (process.env.NODE_ENV === 'production') {
      if (config.HUB_SECRET_KEY.startsWith('dev-')) throw new Error('HUB_SECRET_KEY is the development key: set a real one in production');
      if (config.ENDPOINT_POLICY !== 'production') throw new Error('ENDPOINT_POLICY must be production in production (loopback endpoints are for development only)');
    }
    const mode = config.ENDPOINT_POLICY as 'production' | 'development';
    return {
      module: PartnerHubModule,
      controllers: [FeedController, CatalogueController],
      providers: [
        { provide: APP_FILTER, useClass: RequestErrorFilter },
        { provide: SecretBox, useValue: new SecretBox(config.HUB_SECRET_KEY) },
        { provide: ENDPOINT_MODE, useValue: mode },
        { provide: DISPATCH_SETTINGS, useValue: { concurrency: config.DISPATCH_CONCURRENCY, intervalMs: config.DISPATCH_INTERVAL_MS, timeoutMs: config.DELIVERY_TIMEOUT_MS, mode } },
        { provide: CATALOGUE_LINKS, useValue: { graphql: config.PUBLIC_GRAPHQL_URL, open311: config.PUBLIC_OPEN311_URL } },
        { provide: EMAIL_SENDER, useValue: new LoggingSender('email') },
        { provide: RETENTION_DAYS, useValue: config.EVENT_RETENTION_DAYS },
        EventRetention,
        DispatchSignal,
        EventIngestion,
        Dispatcher,
        SubscriptionService,
        DeliveryLog,
        SubscriptionResolver,
      ],
      exports: [Dispatcher, EventIngestion, EventRetention, SubscriptionService, EMAIL_SENDER],
    };
  }
}
