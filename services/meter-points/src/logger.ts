import { createLogger } from '@cms/observability';

export const SERVICE_NAME = 'meter-points';

/** The service's one JSON logger, shared by the HTTP layer, the platform module and the import. */
export const logger = createLogger(SERVICE_NAME);
