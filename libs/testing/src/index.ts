export * from './infrastructure';
export * from './test-tokens';
export * from './service-under-test';
