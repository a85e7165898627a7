import {
  Controller,
  Get,
  Header,
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestMiddleware,
  type NestModule,
  Res,
} from '@nestjs/common';
import type { Logger } from 'pino';
import { newCorrelationId, runInContext, sanitizeCorrelationId } from './context';
import { HealthRegistry } from './health';
import { Public } from './public';
import { createLogger } from './logger';
import { Metrics } from './metrics';

export const LOGGER = Symbol('LOGGER');
export const CORRELATION_HEADER = 'x-correlation-id';

export interface ObservabilityOptions {
  service: string;
  logLevel?: string;
  logger?: Logger;
}

interface HttpRequest {
  headers: Record<string, string | string[] | undefined>;
  method: string;
  originalUrl?: string;
  url: string;
}
interface HttpResponse {
  statusCode: number;
  setHeader(name: string, value: string): void;
  status(code: number): HttpResponse;
  json(body: unknown): void;
  on(event: 'finish', listener: () => void): void;
}

/** Starts a work context per HTTP request and records request counts and durations. */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  private readonly requests;

  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    metrics: Metrics,
  ) {
    this.requests = metrics.histogram('http_request_duration_seconds', 'HTTP requests by route and status', [
      'method',
      'status',
    ]);
  }

  use(req: HttpRequest, res: HttpResponse, next: () => void): void {
    const correlationId = sanitizeCorrelationId(req.headers[CORRELATION_HEADER]) ?? newCorrelationId();
    res.setHeader(CORRELATION_HEADER, correlationId);
    const stop = this.requests.startTimer({ method: req.method });
    res.on('finish', () => {
      stop({ status: String(res.statusCode) });
      if (res.statusCode >= 500) {
        this.logger.error({ correlationId, method: req.method, url: req.originalUrl ?? req.url, status: res.statusCode }, 'request failed');
      }
    });
    runInContext({ correlationId, causationId: correlationId }, next);
  }
}

/** Open without a token: orchestrators and Prometheus probe these. */
@Public()
@Controller()
export class ObservabilityController {
  constructor(
    private readonly health: HealthRegistry,
    private readonly metrics: Metrics,
  ) {}

  /** Liveness and dependencies: 503 when a critical dependency fails, else 200 (`ok` or `degraded`). */
  @Get('health')
  async healthReport(@Res() res: HttpResponse): Promise<void> {
    const report = await this.health.report();
    res.status(report.status === 'error' ? 503 : 200).json(report);
  }

  /** Liveness only: the process answers. For orchestrators that must not restart on a DB outage. */
  @Get('health/live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async metricsText(): Promise<string> {
    return this.metrics.render();
  }
}

/** JSON logs with correlation ids, `GET /health` and `GET /metrics`, for every app. */
@Module({})
export class ObservabilityModule implements NestModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    const logger = options.logger ?? createLogger({ service: options.service, level: options.logLevel });
    return {
      module: ObservabilityModule,
      global: true,
      controllers: [ObservabilityController],
      providers: [
        { provide: LOGGER, useValue: logger },
        { provide: Metrics, useValue: new Metrics(options.service) },
        { provide: HealthRegistry, useValue: new HealthRegistry(options.service) },
        CorrelationMiddleware,
      ],
      exports: [LOGGER, Metrics, HealthRegistry],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationMiddleware).forRoutes('*path');
  }
}
