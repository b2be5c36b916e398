export * from './kafka-adapter';
export { applyKafkaJsIdleTimerFix } from './kafkajs-idle-timer-fix';
export * from './outbox';
export * from './outbox-relay';
export * from './outbox-admin';
export * from './outbox-backlog';
export * from './event-consumer';
export * from './consumer-lag';
export * from './broadcast-reader';
export * from './dead-letters';
export * from './dead-letter-admin';
import { CreateOutboxAndInbox1795392000000 } from './migrations/2026-11-23-create-outbox-and-inbox.migration';
import { NotifyOutboxInserts1795392000001 } from './migrations/2026-11-23-notify-outbox-inserts.migration';
import { ParkOutboxMessages1796083200000 } from './migrations/2026-12-01-park-outbox-messages.migration';
/** Every service's data source includes these migrations: its outbox and inbox tables. */
export const messagingMigrations = [CreateOutboxAndInbox1795392000000, NotifyOutboxInserts1795392000001, ParkOutboxMessages1796083200000];
export * from './partner-feed-access';
export { alterScramCredentials, ScramCredentialError } from './scram-credentials';
