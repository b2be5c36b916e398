export * from './site-visit';
export * from './site-visit-refused.error';
export * from './site-visit-lifecycle';
export * from './site-visit-clock';
export * from './site-visit-commands';
