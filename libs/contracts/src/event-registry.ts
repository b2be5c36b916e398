import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ContactLoggedV1 } from './events/contact-logged.event';
import { SessionsEndedV1 } from './events/sessions-ended.event';

import type { TopicName } from './topics';

/** An event schema: its class carries its versioned type name and the one topic it travels on. */
type EventClass = { new (): object; readonly type: string; readonly topic: TopicName };

/** Every event schema, once. Producers and consumers both validate against this registry. */
const eventClasses: EventClass[] = [ContactLoggedV1, SessionsEndedV1];

const registry = new Map<string, EventClass>(eventClasses.map((cls) => [cls.type, cls]));

export class InvalidEventError extends Error {
  constructor(
    readonly eventType: string,
    readonly problems: string[],
  ) {
    super(`invalid ${eventType} event: ${problems.join('; ')}`);
  }
}

export function knownEventTypes(): string[] {
  return [...registry.keys()];
}

/** The topic an event type travels on (its aggregate's topic); throws for a type not in the registry. */
export function topicOf(type: string): TopicName {
  const cls = registry.get(type);
  if (!cls) throw new InvalidEventError(type, ['unknown event type']);
  return cls.topic;
}

/** Validates an event body against its schema; throws InvalidEventError listing every problem. */
export function validateEventData(type: string, data: unknown): void {
  const cls = registry.get(type);
  if (!cls) throw new InvalidEventError(type, ['unknown event type']);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InvalidEventError(type, ['body must be a JSON object']);
  }
  const instance = plainToInstance(cls, data);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    throw new InvalidEventError(
      type,
      errors.flatMap((error) => Object.values(error.constraints ?? { [error.property]: 'invalid' })),
    );
  }
}
