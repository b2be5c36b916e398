import { startTracing } from '@cms/observability/tracing';

startTracing('gateway');
