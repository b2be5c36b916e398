export * from './uuidv7';
export * from './topics';
export * from './envelope';
export * from './event-registry';
export * from './events/contact-logged.event';
export * from './events/sessions-ended.event';
export * from './problem-details';
