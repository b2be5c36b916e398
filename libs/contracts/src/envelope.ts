import { uuidv7 } from './uuidv7';

/**
 * An event as it travels: CloudEvents 1.0 context attributes plus a JSON body.
 * On Kafka it uses the CloudEvents Kafka protocol binding in binary mode: each attribute is a
 * `ce_`-prefixed header, the body is the message value, and the W3C `traceparent` header carries
 * the trace (https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/bindings/kafka-protocol-binding.md).
 */
export interface EventEnvelope<TData = unknown> {
  /** UUIDv7, unique per event: consumers de-duplicate on it. */
  id: string;
  /** Reverse-DNS event type with its schema version, e.g. `uk.gas.cms.contact.logged.v1`. */
  type: string;
  /** The producing service, e.g. `/cms/contact-logging`. */
  source: string;
  /** RFC 3339 time the fact happened. */
  time: string;
  /** The aggregate id the event is about (CRN for contacts, MPRN for meter points); also the Kafka key. */
  subject: string;
  specversion: '1.0';
  datacontenttype: 'application/json';
  /** W3C trace context of the operation that caused the event, when there was one. */
  traceparent?: string;
  data: TData;
}

export function createEnvelope<TData>(fields: {
  type: string;
  source: string;
  subject: string;
  data: TData;
  time?: Date;
  traceparent?: string;
}): EventEnvelope<TData> {
  const time = fields.time ?? new Date();
  return {
    id: uuidv7(time.getTime()),
    type: fields.type,
    source: fields.source,
    time: time.toISOString(),
    subject: fields.subject,
    specversion: '1.0',
    datacontenttype: 'application/json',
    traceparent: fields.traceparent,
    data: fields.data,
  };
}

export type KafkaHeaders = Record<string, string>;

export function toKafkaHeaders(envelope: EventEnvelope): KafkaHeaders {
  const headers: KafkaHeaders = {
    ce_specversion: envelope.specversion,
    ce_id: envelope.id,
    ce_type: envelope.type,
    ce_source: envelope.source,
    ce_time: envelope.time,
    ce_subject: envelope.subject,
    'content-type': envelope.datacontenttype,
  };
  if (envelope.traceparent) headers.traceparent = envelope.traceparent;
  return headers;
}

export class MalformedEnvelopeError extends Error {}

/** Reads an envelope back from Kafka headers and value; refuses anything that is not one. */
export function fromKafkaMessage(headers: Record<string, string | undefined>, value: string): EventEnvelope {
  const missing = ['ce_specversion', 'ce_id', 'ce_type', 'ce_source', 'ce_time', 'ce_subject'].filter(
    (name) => !headers[name],
  );
  if (missing.length > 0) throw new MalformedEnvelopeError(`missing CloudEvents headers: ${missing.join(', ')}`);
  if (headers.ce_specversion !== '1.0') {
    throw new MalformedEnvelopeError(`unsupported CloudEvents specversion ${headers.ce_specversion}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(value);
  } catch {
    throw new MalformedEnvelopeError('event body is not JSON');
  }
  return {
    id: headers.ce_id!,
    type: headers.ce_type!,
    source: headers.ce_source!,
    time: headers.ce_time!,
    subject: headers.ce_subject!,
    specversion: '1.0',
    datacontenttype: 'application/json',
    traceparent: headers.traceparent,
    data,
  };
}

/**
 * What a use case records: a fact about one aggregate, before it has an envelope. The outbox writer
 * turns it into an EventEnvelope (id, source, time, trace) and a row, from this one value; the topic
 * follows from the type (`topicOf`).
 */
export interface DomainEvent<TData extends object = object> {
  /** The versioned event type, e.g. `ContactLoggedV1.type`. */
  type: string;
  /** The aggregate id (CRN, MPRN, user id): the CloudEvents subject and the Kafka key. */
  subject: string;
  data: TData;
  /** When the fact happened; defaults to the moment it is written. */
  time?: Date;
}
