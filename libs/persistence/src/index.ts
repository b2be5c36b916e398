export * from './data-source';
export * from './jsonb';
