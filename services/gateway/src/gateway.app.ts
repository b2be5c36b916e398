import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { AccessTokenVerifier } from '@cms/auth';
import { SessionsEndedV1, Topics } from '@cms/contracts';
import { BroadcastReader, KafkaAdapter } from '@cms/messaging';
import { NestPinoLogger } from '@cms/observability';
import {
  HealthController,
  ProblemDetailsFilter,
  processShutdown,
  ProblemException,
  READINESS_CHECKS,
  requestMetrics,
  sendProblem,
  toProblem,
} from '@cms/service-defaults';
import type { GatewayConfig } from './gateway.config';
import { cors } from './http/cors';
import { securityHeaders } from './http/security-headers';
import { OpenApiDocument } from './openapi/openapi-document';
import { ApiProxy } from './proxy/proxy';
import { metricsRouteOf } from './proxy/metrics-route';
import { findRoute, routeTable, upstreams } from './proxy/route-table';
import { GatewayRateLimits } from './rate-limit/gateway-rate-limits';
import { EndedSessions } from './sessions/ended-sessions';
import { webApp } from './web/web-app';
import { WEB_SESSION_PATH, webSessionRoutes } from './web/web-session';

/** The gateway application, ready to listen: health, CORS, merged OpenAPI, the `/api/v1` proxy, and the web app with its session. */
export async function createGatewayApp(config: GatewayConfig, logger: Logger): Promise<NestExpressApplication> {
  const routes = routeTable(config);
  // Every replica holds every ended session of the last few minutes, read from access-control's events.
  const endedSessions = new EndedSessions((config.ACCESS_TOKEN_TTL_SECONDS + 60) * 1000);
  const kafka = new KafkaAdapter({ clientId: 'gateway', brokers: config.KAFKA_BROKERS, logger });
  const endedSessionsFeed = new BroadcastReader(kafka, logger, {
    name: 'gateway-ended-sessions',
    topic: Topics.access,
    take: (event) => {
      if (event.type === SessionsEndedV1.type) endedSessions.record(event.data as SessionsEndedV1);
    },
  });
  const feedStarted = startUntilItWorks(() => endedSessionsFeed.start(), logger);

  @Module({
    controllers: [HealthController],
    providers: [
      {
        provide: READINESS_CHECKS,
        useValue: [
          // A service is there while one of its replicas is.
          ...upstreams(routes).map((replicas) => ({
            name: replicas.urls.map((url) => new URL(url).host).join(','),
            isReady: async () => (await replicas.fetch('/health/live', { signal: AbortSignal.timeout(1_000) })).ok,
          })),
          // Not ready to take tokens until it knows every session that ended while it was away.
          { name: 'ended-sessions', isReady: async () => endedSessionsFeed.isCaughtUp },
        ],
      },
      {
        // Before the HTTP server closes: it waits for every answer to finish, and an event stream never does.
        provide: 'EVENT_STREAMS_END',
        useValue: { beforeApplicationShutdown: () => proxy.endStreams() },
      },
      {
        provide: 'ENDED_SESSIONS_FEED_STOP',
        useValue: {
          async onApplicationShutdown() {
            await feedStarted.cancel();
            await endedSessionsFeed.stop();
            await kafka.disconnect();
          },
        },
      },
    ],
  })
  class GatewayModule {}

  const app = await NestFactory.create<NestExpressApplication>(GatewayModule, {
    logger: new NestPinoLogger(logger),
    bodyParser: false,
  });
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(processShutdown.closeConnectionsWhileDraining);
  app.use(requestMetrics({ routeOf: (request) => metricsRouteOf(routes, new URL(request.originalUrl, 'http://gateway').pathname) }));
  app.useGlobalFilters(new ProblemDetailsFilter(logger));
  app.use(securityHeaders);
  app.use(cors(config.CORS_ALLOWED_ORIGINS));

  const openApi = new OpenApiDocument(routes);
  const verifier = new AccessTokenVerifier({ jwksUrl: config.AUTH_JWKS_URL, issuer: config.AUTH_ISSUER });
  const rateLimits = new GatewayRateLimits(config);
  const proxy = new ApiProxy(routes, verifier, endedSessions, rateLimits, config, logger);

  app.use('/api/docs-json', async (request: Request, response: Response) => {
    try {
      response.json(await openApi.get());
    } catch (error) {
      logger.warn({ err: error }, 'could not build the OpenAPI document');
      sendProblem(response, toProblem(new Error('openapi unavailable'), request.originalUrl));
    }
  });
  // Swagger UI loads the merged document from /api/docs-json.
  SwaggerModule.setup('api/docs', app, { openapi: '3.0.0', info: { title: 'CMS API', version: '1' }, paths: {} }, {
    swaggerOptions: { url: '/api/docs-json' },
    jsonDocumentUrl: '/api/docs/placeholder.json',
    yamlDocumentUrl: '/api/docs/placeholder.yaml',
  });
  app.use('/api/v1', (request: Request, response: Response) => void proxy.handle(request, response));
  const accessControl = findRoute(routes, '/api/v1/auth/login');
  if (!accessControl) throw new Error('no route to sign-in (/api/v1/auth/login) in the catalogue');
  app.use(WEB_SESSION_PATH, webSessionRoutes(accessControl.replicas, rateLimits, config, logger));
  app.use('/api', (request: Request, response: Response) => {
    sendProblem(response, toProblem(ProblemException.notFound('No such API route.'), request.originalUrl));
  });
  app.use(webApp(config.WEB_APP_DIR, logger));
  return app;
}

/**
 * Starts `start` in the background, again every two seconds while it fails (the broker not up yet):
 * the gateway answers health checks meanwhile, and is not ready until it has worked.
 */
function startUntilItWorks(start: () => Promise<void>, logger: Logger): { cancel: () => Promise<void> } {
  let cancelled = false;
  const attempts = (async () => {
    while (!cancelled) {
      try {
        await start();
        return;
      } catch (error) {
        logger.warn({ err: error }, 'could not start reading ended sessions yet; trying again');
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
    }
  })();
  return {
    cancel: async () => {
      cancelled = true;
      await attempts;
    },
  };
}
