export * from './data-source';
export * from './jsonb';
export * from './database-admin';
