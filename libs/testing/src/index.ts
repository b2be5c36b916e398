export * from './infrastructure';
export * from './test-tokens';
export * from './service-under-test';
export * from './test-clock';
export * from './strings-in-database';
export * from './test-mail-server';
