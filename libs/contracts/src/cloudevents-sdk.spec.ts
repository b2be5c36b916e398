import { CloudEvent, Kafka, type KafkaMessage } from 'cloudevents';
import { createEnvelope, fromKafkaMessage, toKafkaHeaders } from './envelope';
import { ContactLoggedV1 } from './events/contact-logged.event';

/**
 * Our envelope against the CloudEvents SDK's Kafka protocol binding, binary content mode
 * (https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/bindings/kafka-protocol-binding.md#32-binary-content-mode):
 * what we write, the SDK reads as the same event, and what the SDK writes, we read. The Kafka
 * message value is the event data as JSON text, as our producer sends it.
 */
const data: ContactLoggedV1 = {
  crn: 'C000000001',
  contactType: 'DTL',
  mprn: '3938424403',
  status: 'LOGGED',
  requestedStatus: 'LI',
  originatorOrganisationId: 'b39b394d-4352-47f1-9cab-919d828cf087',
  loggedByUserId: 'bwe.user',
  transporterOrganisationId: '383da001-dcc0-4cf5-8481-59b9749b0a6c',
  registeredShipperOrganisationId: null,
  loggedAt: '2026-11-23T10:00:00.000Z',
  organisationIds: ['b39b394d-4352-47f1-9cab-919d828cf087'],
};

describe('the event envelope and the CloudEvents SDK (Kafka binding, binary mode)', () => {
  it('the SDK reads an envelope we write as the same event', () => {
    const envelope = createEnvelope({
      type: ContactLoggedV1.type,
      source: '/cms/contact-logging',
      subject: 'C000000001',
      data,
      time: new Date('2026-11-23T10:00:00.123Z'),
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    });
    const message: KafkaMessage<string> = {
      key: envelope.subject,
      headers: toKafkaHeaders(envelope),
      value: JSON.stringify(envelope.data),
      body: JSON.stringify(envelope.data),
    };

    expect(Kafka.isEvent(message)).toBe(true);
    const event = Kafka.toEvent(message) as CloudEvent<unknown>;

    expect(event.validate()).toBe(true);
    expect(event).toMatchObject({
      id: envelope.id,
      type: ContactLoggedV1.type,
      source: '/cms/contact-logging',
      time: '2026-11-23T10:00:00.123Z',
      subject: 'C000000001',
      specversion: '1.0',
      datacontenttype: 'application/json',
      data,
    });
    // Nothing else is taken for a context attribute: the trace travels in the W3C `traceparent`
    // header of the transport, not as the CloudEvents distributed-tracing extension, and the Kafka
    // key is the SDK's `partitionkey` (https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/bindings/kafka-protocol-binding.md#31-key-mapping).
    const attributes = Object.entries(event.toJSON()).filter(([, value]) => value !== undefined);
    expect(attributes.map(([name]) => name).sort()).toEqual(
      ['data', 'datacontenttype', 'id', 'partitionkey', 'source', 'specversion', 'subject', 'time', 'type'].sort(),
    );
    expect(event.partitionkey).toBe('C000000001');
  });

  it('reads an event the SDK writes as the same envelope', () => {
    const event = new CloudEvent({
      id: '0193a2b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b',
      type: ContactLoggedV1.type,
      source: '/cms/contact-logging',
      subject: 'C000000001',
      time: '2026-11-23T10:00:00.123Z',
      datacontenttype: 'application/json',
      data,
      partitionkey: 'C000000001',
    });

    const message = Kafka.binary(event);
    // The binding leaves the data as it is; the transport sends it as JSON text.
    const envelope = fromKafkaMessage(message.headers as Record<string, string>, JSON.stringify(message.value));

    expect(message.headers['content-type']).toBe('application/json');
    expect(envelope).toEqual({
      id: '0193a2b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b',
      type: ContactLoggedV1.type,
      source: '/cms/contact-logging',
      time: '2026-11-23T10:00:00.123Z',
      subject: 'C000000001',
      specversion: '1.0',
      datacontenttype: 'application/json',
      traceparent: undefined,
      data,
    });
  });
});
