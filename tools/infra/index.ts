// Infrastructure provisioning for `npm start`, `npm test` and the test harness (libs/testing).
// See provision.ts for the selection order: environment variable, container engine, local path.
export type { KafkaBroker, Postgres, ProvisionKind, ProvisionOptions } from './types';
export { InfraError } from './types';
export { provisionKafka, provisionPostgres, redactUrl } from './provision';
export { databaseUrl, ensureDatabase } from './database';
export { freePort, isPortFree } from './free-port';
export { checkJava, ensureKafkaJars, KAFKA_VERSION } from './local-kafka';
export { ensureZipkinServer, startLocalZipkin, ZIPKIN_PORT, ZIPKIN_VERSION, type Zipkin } from './local-zipkin';
export { isListeningOn, processesListeningOn } from './port-listeners';
export { containerRuntimeAvailable, KAFKA_IMAGE, POSTGRES_IMAGE } from './containers';

/** What to print for an error from this module: the message alone for an InfraError, else the stack. */
export function describeInfraError(error: unknown): string {
  if (error instanceof Error) return error.name === 'InfraError' ? error.message : (error.stack ?? error.message);
  return String(error);
}
