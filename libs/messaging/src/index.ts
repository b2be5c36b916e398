export * from './kafka-adapter';
export * from './outbox';
export * from './outbox-relay';
export * from './event-consumer';
export { CreateOutboxAndInbox1795392000000 } from './migrations/2026-11-23-create-outbox-and-inbox.migration';

import { CreateOutboxAndInbox1795392000000 } from './migrations/2026-11-23-create-outbox-and-inbox.migration';
/** Every service's data source includes these migrations: its outbox and inbox tables. */
export const messagingMigrations = [CreateOutboxAndInbox1795392000000];
