import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { ConfigError, loadConfig, type Setting, type SettingsOf, type SettingsSpec } from '@cms/config';
import { createLogger, NestPinoLogger } from '@cms/observability';
import { processShutdown, stopGracefullyOnSignal } from './graceful-shutdown';
import { requestMetrics } from './http.metrics';
import { keepConnectionsAlive } from './kept-alive-connections';
import { buildOpenApiDocument } from './openapi-document';
import { platformSettings, type PlatformConfig } from './platform.module';
import { ProblemDetailsFilter, sendProblem, toProblem } from './problem-details.filter';
import { ExitStatus } from './run-command';
import { strictValidationPipe } from './validation';

/**
 * A CMS service, as its `service.ts` declares it: `main.ts` runs it (`runService`), and its
 * integration tests start the very same thing in-process (`startServiceUnderTest`, libs/testing).
 */
export interface ServiceDefinition<TSpec extends { PORT: Setting<number> }, TSettings = SettingsOf<TSpec>> {
  /** Its folder under services/ and its catalogue entry. */
  name: string;
  title: string;
  description: string;
  /** Its own settings (PORT among them), beside the platform's (`platformSettings`). */
  settings: TSpec;
  /** Its root module, built once the settings are known to be valid. */
  module: (config: TSettings & PlatformConfig, logger: Logger) => Type<unknown>;
  /** Largest JSON body accepted. */
  bodyLimit?: string;
}

/** The service's whole configuration from `env`: the platform's settings and its own, every problem at once. */
export function loadServiceConfig<TSpec extends { PORT: Setting<number> }>(
  definition: Pick<ServiceDefinition<TSpec>, 'settings'>,
  env: Record<string, string | undefined> = process.env,
): SettingsOf<TSpec> & PlatformConfig {
  return loadConfig({ ...platformSettings, ...definition.settings } as SettingsSpec<SettingsOf<TSpec> & PlatformConfig>, env);
}

/** The service's Nest application with every HTTP default applied and its OpenAPI document at `/docs-json`, not yet listening. */
export async function createServiceApp<TSpec extends { PORT: Setting<number> }>(
  definition: ServiceDefinition<TSpec>,
  config: SettingsOf<TSpec> & PlatformConfig,
  logger: Logger,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(definition.module(config, logger), {
    logger: new NestPinoLogger(logger),
    bodyParser: false,
  });
  applyHttpDefaults(app, logger, definition.bodyLimit);
  const document = buildOpenApiDocument(app, definition);
  (app.getHttpAdapter().getInstance() as express.Express).get('/docs-json', (_request, response) => {
    response.json(document);
  });
  return app;
}

/** Applies the HTTP defaults every CMS service shares: strict JSON, problem details, validation, metrics. */
export function applyHttpDefaults(app: NestExpressApplication, logger: Logger, bodyLimit = '64kb'): void {
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(processShutdown.closeConnectionsWhileDraining);
  app.use(requestMetrics());
  app.use(express.json({ limit: bodyLimit, strict: true, type: ['application/json', 'application/*+json'] }));
  // Errors raised while reading the body (broken JSON, too large) never reach Nest's filters.
  app.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (!error) return next();
    sendProblem(response, toProblem(error, request.originalUrl));
  });
  app.useGlobalFilters(new ProblemDetailsFilter(logger));
  app.useGlobalPipes(strictValidationPipe());
}

/**
 * Starts a CMS service: validated configuration (a bad setting stops it with a message naming
 * every setting at fault, exit code 78), JSON logs, the HTTP defaults, its OpenAPI document at
 * `/docs-json` (merged by the gateway), and a graceful stop on SIGTERM (stopGracefullyOnSignal).
 */
export async function runService<TSpec extends { PORT: Setting<number> }>(definition: ServiceDefinition<TSpec>): Promise<NestExpressApplication> {
  const logger = createLogger(definition.name);
  try {
    const config = loadServiceConfig(definition);
    const app = await createServiceApp(definition, config, logger);
    stopGracefullyOnSignal(app, logger, definition.name);
    keepConnectionsAlive(app.getHttpServer());
    await app.listen(config.PORT as number, process.env.HOST ?? '127.0.0.1');
    logger.info({ port: config.PORT }, `${definition.name} listening`);
    return app;
  } catch (error) {
    if (error instanceof ConfigError) {
      logger.fatal(error.message);
      console.error(`${definition.name}: ${error.message}`);
      process.exit(ExitStatus.config);
    }
    logger.fatal({ err: error }, `${definition.name} failed to start`);
    process.exit(ExitStatus.failure);
  }
}
