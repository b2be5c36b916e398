import './tracing';
import { ConfigError } from '@cms/config';
import { createLogger } from '@cms/observability';
import { runService } from '@cms/service-defaults';
import { loadAccessControlConfig, type AccessControlConfig } from './access-control.config';
import { accessControlModule } from './app.module';

const logger = createLogger('access-control');

/** The port is needed before the service starts, so this service's settings are read first. */
function configOrExit(): AccessControlConfig {
  try {
    return loadAccessControlConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    logger.fatal(error.message);
    console.error(`access-control: ${error.message}`);
    process.exit(78); // EX_CONFIG, as runService does
  }
}

const config = configOrExit();
if (config.DEMO_DATA && process.env.NODE_ENV === 'production') {
  logger.warn('DEMO_DATA=true with NODE_ENV=production: demo users with a published password will be created');
}

void runService({
  name: 'access-control',
  title: 'CMS access control',
  description: 'Organisations, users, sign-in and access tokens (ES256 JWT, JWKS) for the Contact Management Service.',
  port: config.PORT,
  logger,
  module: () => accessControlModule(config, logger),
});
