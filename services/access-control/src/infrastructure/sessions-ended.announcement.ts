import type { EntityManager } from 'typeorm';
import { SessionsEndedV1 } from '@cms/contracts';
import { OutboxWriter } from '@cms/messaging';

const outbox = new OutboxWriter('/cms/access-control');

/**
 * Tells every gateway that these sessions ended (SessionsEnded on `cms.access.v1`), through the
 * outbox, in the transaction that ended them: their access tokens are refused from the commit on.
 */
export async function announceSessionsEnded(manager: EntityManager, ended: SessionsEndedV1, now: Date): Promise<void> {
  await outbox.write(manager, [{ type: SessionsEndedV1.type, subject: ended.userId, data: ended, time: now }]);
}
