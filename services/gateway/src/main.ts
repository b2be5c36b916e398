import './tracing';
import 'reflect-metadata';
import { ConfigError } from '@cms/config';
import { createLogger } from '@cms/observability';
import { keepConnectionsAlive, stopGracefullyOnSignal } from '@cms/service-defaults';
import { createGatewayApp } from './gateway.app';
import { loadGatewayConfig } from './gateway.config';

const logger = createLogger('gateway');

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const app = await createGatewayApp(config, logger);
  stopGracefullyOnSignal(app, logger, 'gateway');
  keepConnectionsAlive(app.getHttpServer());
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
