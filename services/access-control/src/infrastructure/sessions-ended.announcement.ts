import type { EntityManager } from 'typeorm';
import { createEnvelope, SessionsEndedV1, Topics } from '@cms/contracts';
import { addToOutbox } from '@cms/messaging';

/**
 * Tells every gateway that these sessions ended (SessionsEnded on `cms.access.v1`), through the
 * outbox, in the transaction that ended them: their access tokens are refused from the commit on.
 */
export async function announceSessionsEnded(manager: EntityManager, ended: SessionsEndedV1, now: Date): Promise<void> {
  await addToOutbox(manager, Topics.access, [
    createEnvelope({ type: SessionsEndedV1.type, source: '/cms/access-control', subject: ended.userId, data: ended, time: now }),
  ]);
}
