import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { AccessTokenVerifier } from '@cms/auth';
import { NestPinoLogger } from '@cms/observability';
import {
  HealthController,
  ProblemDetailsFilter,
  processShutdown,
  ProblemException,
  READINESS_CHECKS,
  sendProblem,
  toProblem,
} from '@cms/service-defaults';
import type { GatewayConfig } from './gateway.config';
import { cors } from './http/cors';
import { securityHeaders } from './http/security-headers';
import { OpenApiDocument } from './openapi/openapi-document';
import { ApiProxy } from './proxy/proxy';
import { routeTable, upstreams } from './proxy/route-table';
import { GatewayRateLimits } from './rate-limit/gateway-rate-limits';

/** The gateway application, ready to listen: health, CORS, merged OpenAPI, and the `/api/v1` proxy. */
export async function createGatewayApp(config: GatewayConfig, logger: Logger): Promise<NestExpressApplication> {
  const routes = routeTable(config);

  @Module({
    controllers: [HealthController],
    providers: [
      {
        provide: READINESS_CHECKS,
        useValue: upstreams(routes).map((upstream) => ({
          name: new URL(upstream).host,
          isReady: async () => (await fetch(new URL('/health/live', upstream), { signal: AbortSignal.timeout(1_000) })).ok,
        })),
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
  app.useGlobalFilters(new ProblemDetailsFilter(logger));
  app.use(securityHeaders);
  app.use(cors(config.CORS_ALLOWED_ORIGINS));

  const openApi = new OpenApiDocument(routes);
  const verifier = new AccessTokenVerifier({ jwksUrl: config.AUTH_JWKS_URL, issuer: config.AUTH_ISSUER });
  const proxy = new ApiProxy(routes, verifier, new GatewayRateLimits(config), config, logger);

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
  app.use('/api', (request: Request, response: Response) => {
    sendProblem(response, toProblem(ProblemException.notFound('No such API route.'), request.originalUrl));
  });
  return app;
}
