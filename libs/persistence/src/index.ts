export * from './data-source';
export * from './jsonb';
export * from './database-admin';
export * from './prepared-statement';
export * from './anonymisation-migration';
