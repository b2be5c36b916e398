// Imported first by main.ts: OpenTelemetry must patch http, express, pg and kafkajs before they load.
import { startTracing } from '@cms/observability/tracing';

startTracing('notifications');
