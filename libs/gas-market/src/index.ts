/**
 * The GB gas market's vocabulary, written once for every service and the tooling: plain
 * TypeScript, no framework (docs/domain.md).
 */
export * from './mprn';
export * from './crn';
export * from './postcode';
export * from './paf-address';
export * from './meter-point-status';
export * from './ldz';
export * from './organisation-type';
export * from './calendar-date';
export * from './working-day-calendar';
export * from './deadlines';
