export * from './problem.exception';
export * from './problem-details.filter';
export * from './validation';
export * from './health.controller';
export * from './platform.module';
export * from './run-service';
export * from './idempotency';
