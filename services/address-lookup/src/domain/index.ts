export * from './delivery-point';
export * from './paf-csv-record';
export * from './lookup-quota';
