export * from './involved-contact';
export * from './involved-contacts';
export * from './involved-contacts.consumer';
export { CreateInvolvedContact1796200000000 } from './2026-12-02-create-involved-contact.migration';
