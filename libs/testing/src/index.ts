export * from './infrastructure';
export * from './test-tokens';
