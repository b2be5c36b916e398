export * from './config';
export * from './repository-root';
