export * from './meter-point';
export * from './meter-point-extract';
export * from './status-change';
