export * from './meter-point';
export * from './csv';
export * from './meter-point-extract';
export * from './status-change';
