import './tracing';
import { createLogger } from '@cms/observability';
import { runService } from '@cms/service-defaults';
import { loadAccessControlConfig } from './access-control.config';
import { accessControlModule } from './app.module';

const logger = createLogger('access-control');

void runService({
  name: 'access-control',
  title: 'CMS access control',
  description: 'Organisations, users, sign-in and access tokens (ES256 JWT, JWKS) for the Contact Management Service.',
  logger,
  loadConfig: loadAccessControlConfig,
  module: (config) => {
    if (config.DEMO_DATA && process.env.NODE_ENV === 'production') {
      logger.warn('DEMO_DATA=true with NODE_ENV=production: demo users with a published password will be created');
    }
    return accessControlModule(config, logger);
  },
});
