import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { parse } from 'yaml';
import { eventClassOf, knownEventTypes } from './event-registry';
import { PartnerTopics, Topics } from './topics';

interface JsonSchema {
  $ref?: string;
  type?: unknown;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean;
  enum?: unknown[];
  const?: unknown;
}
interface AsyncApiDocument {
  asyncapi: string;
  channels: Record<string, { address: string; messages: Record<string, { $ref: string }> }>;
  operations: Record<string, { action: string; channel: { $ref: string } }>;
  components: { messages: Record<string, { name: string; payload: { $ref: string } }>; schemas: Record<string, JsonSchema> };
}

/** What the code validates of an event class, read back from class-validator's metadata. */
function validatedShape(type: string) {
  const eventClass = eventClassOf(type)!;
  const rules = getMetadataStorage().getTargetValidationMetadatas(eventClass, '', true, false);
  const properties = [...new Set(rules.map((rule) => rule.propertyName))].sort();
  const optional = new Set(rules.filter((rule) => rule.name === 'isOptional').map((rule) => rule.propertyName));
  const enums = new Map(
    rules.filter((rule) => rule.name === 'isIn').map((rule) => [rule.propertyName, [...(rule.constraints[0] as unknown[])].sort()]),
  );
  return { name: eventClass.name, topic: eventClass.topic, properties, required: properties.filter((p) => !optional.has(p)).sort(), enums };
}

const target = (ref: string) => ref.split('/').pop()!;

/**
 * Topics whose readers keep no dead letters: every gateway replica reads `cms.access.v1` from the
 * start as a broadcast list of ended sessions, outside any consumer group; the partner topics are
 * read by transporters' systems only, outside CMS.
 */
const READ_WITHOUT_DEAD_LETTERS: readonly string[] = [Topics.access, ...Object.values(PartnerTopics)];

/**
 * The AsyncAPI document is for partners; it must not drift from the schemas the code validates:
 * each event's message, its channel, and its payload's fields, required fields and enumerations.
 */
describe('the AsyncAPI document', () => {
  const document = parse(readFileSync(join(__dirname, '..', 'asyncapi.yaml'), 'utf8')) as AsyncApiDocument;

  it('is AsyncAPI 3', () => {
    expect(document.asyncapi).toBe('3.0.0');
  });

  describe.each(knownEventTypes())('the event %s', (type) => {
    const shape = validatedShape(type);
    const message = document.components.messages[shape.name];
    const schema = document.components.schemas[shape.name];
    const resolve = (field: JsonSchema): JsonSchema => (field.$ref ? document.components.schemas[target(field.$ref)] : field);

    it('is a message of that name whose payload is its schema', () => {
      expect(message?.name).toBe(type);
      expect(target(message.payload.$ref)).toBe(shape.name);
    });

    it('travels on the channel of its topic, and its dead letters on the topic .dlt', () => {
      const channelsCarrying = Object.values(document.channels)
        .filter((channel) => Object.values(channel.messages).some((m) => target(m.$ref) === shape.name))
        .map((channel) => channel.address);
      const expected = READ_WITHOUT_DEAD_LETTERS.includes(shape.topic) ? [shape.topic] : [shape.topic, `${shape.topic}.dlt`];
      expect(channelsCarrying.sort()).toEqual(expected.sort());
    });

    it('has the fields the code validates, required as the code requires them, and nothing else', () => {
      expect(schema.additionalProperties).toBe(false);
      expect(Object.keys(schema.properties ?? {}).sort()).toEqual(shape.properties);
      expect([...(schema.required ?? [])].sort()).toEqual(shape.required);
    });

    it('lists the values the code allows where it allows a fixed set', () => {
      for (const [property, values] of shape.enums) {
        const documented = resolve(schema.properties![property]);
        const listed = documented.enum ?? (documented.const === undefined ? undefined : [documented.const]);
        // A field the code leaves optional (@IsOptional) also takes null, and its document says so.
        const nullable = Array.isArray(documented.type) && documented.type.includes('null');
        if (nullable) expect({ property, optional: !shape.required.includes(property) }).toEqual({ property, optional: true });
        const allowed = nullable ? [...values, null] : values;
        expect({ property, values: [...(listed ?? [])].sort() }).toEqual({ property, values: allowed });
      }
    });
  });

  it.each([...Object.values(Topics), ...Object.values(PartnerTopics)])('documents the topic %s with a sending operation', (topic) => {
    const channel = Object.entries(document.channels).find(([, c]) => c.address === topic);
    expect(channel).toBeDefined();
    const sends = Object.values(document.operations).filter((op) => op.action === 'send' && target(op.channel.$ref) === channel![0]);
    expect(sends.length).toBeGreaterThan(0);
  });
});
