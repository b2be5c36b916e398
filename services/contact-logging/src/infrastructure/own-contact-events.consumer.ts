import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@cms/contracts';
import type { ConsumedEventHandler } from '@cms/service-defaults';
import { StartContactClockHandler } from '../application/start-contact-clock.handler';

/** contact-logging's consumer of its own topic, `cms.contacts.v1` (declared in app.module.ts): a logged contact's clock. */
@Injectable()
export class OwnContactEventsConsumer implements ConsumedEventHandler {
  constructor(@Inject(StartContactClockHandler) private readonly startClock: StartContactClockHandler) {}

  handle(event: EventEnvelope): Promise<void> {
    return this.startClock.handle(event);
  }
}
