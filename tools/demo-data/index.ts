// Demo and test data: organisations, users, a generated meter point register. Never production data.
export * from './organisations';
export * from './users';
export * from './roles';
export * from './meter-points';
export * from './write-extract';
export * from './addresses';
export * from './write-paf-file';
