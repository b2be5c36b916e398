export * from './meter-point';
export * from './meter-point-extract';
