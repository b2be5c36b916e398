import { getMetadataStorage } from 'class-validator';
import { eventClassOf, knownEventTypes } from './event-registry';
import { PERSONAL_EVENT_FIELDS } from './events/personal-event-fields';

/** The rules class-validator holds for one property of an event's schema. */
function rulesOf(type: string, property: string): string[] {
  return getMetadataStorage()
    .getTargetValidationMetadatas(eventClassOf(type)!, '', true, false)
    .filter((rule) => rule.propertyName === property)
    .map((rule) => rule.name ?? rule.type);
}

describe('the personal fields of the events', () => {
  it.each(Object.entries(PERSONAL_EVENT_FIELDS))('names, for %s, text fields its schema has', (type, fields) => {
    expect(knownEventTypes()).toContain(type);
    for (const field of fields) expect({ field, rules: rulesOf(type, field) }).toEqual({ field, rules: expect.arrayContaining(['isString', 'maxLength']) });
  });

  it('names every field of free text of the size a person writes (a message or a reason), the reason labels of resolutions aside', () => {
    const free = knownEventTypes().flatMap((type) =>
      getMetadataStorage()
        .getTargetValidationMetadatas(eventClassOf(type)!, '', true, false)
        .filter((rule) => rule.name === 'maxLength' && (rule.constraints[0] as number) >= 2000)
        .map((rule) => `${type} ${rule.propertyName}`),
    );
    const listed = Object.entries(PERSONAL_EVENT_FIELDS).flatMap(([type, fields]) => fields.map((field) => `${type} ${field}`));
    const labels = ['uk.gas.cms.contact.resolved.v1 reason', 'uk.gas.cms.partner.contact.resolved.v1 reason', 'uk.gas.cms.meter-point.status-change-refused.v1 reason'];
    expect(free.filter((entry) => !labels.includes(entry)).sort()).toEqual(listed.sort());
  });
});
