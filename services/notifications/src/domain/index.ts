export * from './alert';
export * from './alert-rules';
export * from './email';
export * from './webhook';
