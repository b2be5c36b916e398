import { startTracing } from '@cms/observability/tracing';

startTracing('contact-logging');
