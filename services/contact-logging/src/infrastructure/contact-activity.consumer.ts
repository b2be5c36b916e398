import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@cms/contracts';
import type { ConsumedEventHandler } from '@cms/service-defaults';
import { RecordContactActivityHandler } from '../application/record-contact-activity.handler';

/**
 * contact-logging's consumer of the clarifications, site-visits and meter-points topics (declared
 * in app.module.ts): each event onto its contact's timeline. The kit's runner has validated it and
 * runs this inside the transaction that records its id in the inbox.
 */
@Injectable()
export class ContactActivityConsumer implements ConsumedEventHandler {
  constructor(@Inject(RecordContactActivityHandler) private readonly record: RecordContactActivityHandler) {}

  handle(event: EventEnvelope): Promise<void> {
    return this.record.handle(event);
  }
}
