export * from './trace-context';
export * from './logger';
export * from './metrics';
export * from './tracing-settings';
export { stopTracing } from './tracing-stop';
