/** The service catalogue: every CMS service once. */
export * from './service-catalogue';
