import { ContactLoggedV1 } from './events/contact-logged.event';
import { createEnvelope, fromKafkaMessage, MalformedEnvelopeError, toKafkaHeaders } from './envelope';
import { InvalidEventError, validateEventData } from './event-registry';
import { UUID_V7_PATTERN, uuidv7 } from './uuidv7';

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

describe('event envelope', () => {
  it('travels as CloudEvents binary-mode Kafka headers and comes back unchanged', () => {
    const envelope = createEnvelope({ type: ContactLoggedV1.type, source: '/cms/test', subject: 'C000000001', data, traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' });

    const headers = toKafkaHeaders(envelope);
    const back = fromKafkaMessage(headers, JSON.stringify(envelope.data));

    expect(headers).toEqual(expect.objectContaining({ ce_specversion: '1.0', ce_id: envelope.id, ce_type: ContactLoggedV1.type, ce_subject: 'C000000001' }));
    expect(back).toEqual(envelope);
  });

  it('refuses a message without CloudEvents headers or with a body that is not JSON', () => {
    expect(() => fromKafkaMessage({}, '{}')).toThrow(MalformedEnvelopeError);
    const headers = toKafkaHeaders(createEnvelope({ type: 'x', source: 's', subject: 'k', data: {} }));
    expect(() => fromKafkaMessage(headers, 'not json')).toThrow('event body is not JSON');
  });

  it('ids are time-ordered UUIDv7s', () => {
    const first = uuidv7(1_000);
    const second = uuidv7(2_000);
    expect(first).toMatch(UUID_V7_PATTERN);
    expect(first < second).toBe(true);
  });
});

describe('event schemas', () => {
  it('accept a valid ContactLogged', () => {
    expect(() => validateEventData(ContactLoggedV1.type, data)).not.toThrow();
  });

  it('list every problem of an invalid one, unknown fields included', () => {
    let error: InvalidEventError | undefined;
    try {
      validateEventData(ContactLoggedV1.type, { ...data, mprn: 'ABC', contactType: 'XYZ', surprise: 1 });
    } catch (caught) {
      error = caught as InvalidEventError;
    }
    expect(error).toBeInstanceOf(InvalidEventError);
    expect(error!.problems).toHaveLength(3);
  });

  it('refuse an unknown event type', () => {
    expect(() => validateEventData('uk.gas.cms.unknown.v1', {})).toThrow('unknown event type');
  });
});
