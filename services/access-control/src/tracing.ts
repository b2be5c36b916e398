import { startTracing } from '@cms/observability/tracing';

startTracing('access-control');
