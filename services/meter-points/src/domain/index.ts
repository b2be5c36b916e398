export * from './meter-point-status';
export * from './ldz';
export * from './postcode';
export * from './meter-point';
export * from './mprn-check-digits';
export * from './csv';
export * from './meter-point-extract';
