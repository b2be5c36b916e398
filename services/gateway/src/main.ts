import './tracing';
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AccessTokenVerifier } from '@cms/auth';
import { ConfigError } from '@cms/config';
import { createLogger, NestPinoLogger } from '@cms/observability';
import {
  HealthController,
  ProblemDetailsFilter,
  ProblemException,
  READINESS_CHECKS,
  sendProblem,
  toProblem,
} from '@cms/service-defaults';
import { loadGatewayConfig } from './gateway.config';
import { ApiProxy } from './proxy/proxy';
import { routeTable, upstreams } from './proxy/route-table';
import { OpenApiDocument } from './openapi/openapi-document';
import { securityHeaders } from './http/security-headers';

const logger = createLogger('gateway');

async function main(): Promise<void> {
  const config = loadGatewayConfig();
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
  app.enableShutdownHooks();
  app.useGlobalFilters(new ProblemDetailsFilter(logger));
  app.use(securityHeaders);

  const openApi = new OpenApiDocument(routes);
  const verifier = new AccessTokenVerifier({ jwksUrl: config.AUTH_JWKS_URL, issuer: config.AUTH_ISSUER });
  const proxy = new ApiProxy(routes, verifier, config, logger);

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

  await app.listen(config.PORT, process.env.HOST ?? '127.0.0.1');
  logger.info({ port: config.PORT }, 'gateway listening');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`gateway: ${error.message}`);
    process.exit(78);
  }
  logger.fatal({ err: error }, 'gateway failed to start');
  process.exit(1);
});
