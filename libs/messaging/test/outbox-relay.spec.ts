import { KafkaJSConnectionError, KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { classifyPublishFailure, describePublishFailure, isOutboxMessageId } from '../src';

/** A Kafka protocol error as kafkajs makes it from an error code in a broker's answer. */
function protocolError(type: string, retriable: boolean, message: string): KafkaJSProtocolError {
  return new KafkaJSProtocolError(Object.assign(new Error(message), { type, retriable }));
}

/** What kafkajs throws when it gives up retrying. */
function retriesExceeded(cause: Error): KafkaJSNumberOfRetriesExceeded {
  return new KafkaJSNumberOfRetriesExceeded(cause, { retryCount: 8, retryTime: 1_000 });
}

describe('classifyPublishFailure', () => {
  it.each(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE', 'INVALID_RECORD'])('takes %s for the broker refusing the record', (type) => {
    expect(classifyPublishFailure(protocolError(type, false, 'refused'))).toBe('refused');
  });

  it('finds the refusal under the error kafkajs wraps it in', () => {
    const tooLarge = protocolError('MESSAGE_TOO_LARGE', false, 'too large');
    // As kafkajs' retrier wraps an error it does not retry (its constructor's options are not in its types).
    const NonRetriable = KafkaJSNonRetriableError as unknown as new (error: Error, options: { cause: Error }) => Error;
    expect(classifyPublishFailure(new NonRetriable(tooLarge, { cause: tooLarge }))).toBe('refused');
    expect(classifyPublishFailure(retriesExceeded(protocolError('CORRUPT_MESSAGE', true, 'corrupt')))).toBe('refused');
  });

  it.each(['UNKNOWN_TOPIC_OR_PARTITION', 'INVALID_TOPIC_EXCEPTION', 'TOPIC_AUTHORIZATION_FAILED'])('takes %s for a topic that cannot be written', (type) => {
    expect(classifyPublishFailure(retriesExceeded(protocolError(type, true, 'topic')))).toBe('topic');
  });

  it('takes a broker that cannot be reached, an election or a timeout for unavailability, which charges no message', () => {
    const refused = new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 127.0.0.1:9092');
    expect(classifyPublishFailure(retriesExceeded(refused))).toBe('unavailable');
    expect(classifyPublishFailure(retriesExceeded(protocolError('NOT_LEADER_FOR_PARTITION', true, 'not leader')))).toBe('unavailable');
    expect(classifyPublishFailure(retriesExceeded(protocolError('REQUEST_TIMED_OUT', true, 'timed out')))).toBe('unavailable');
    expect(classifyPublishFailure(protocolError('NOT_ENOUGH_REPLICAS', true, 'replicas'))).toBe('unavailable');
  });

  it('takes a timestamp the broker refuses for unavailability: a skewed clock refuses every row alike', () => {
    expect(classifyPublishFailure(protocolError('INVALID_TIMESTAMP', false, 'timestamp out of range'))).toBe('unavailable');
  });

  it('takes any other error for unavailability', () => {
    expect(classifyPublishFailure(new Error('simulated crash after publish'))).toBe('unavailable');
    expect(classifyPublishFailure('a string')).toBe('unavailable');
    expect(classifyPublishFailure(undefined)).toBe('unavailable');
  });
});

describe('describePublishFailure', () => {
  it('puts the Kafka error code before the message', () => {
    const error = protocolError('MESSAGE_TOO_LARGE', false, 'The request included a message larger than the max message size the server will accept');
    expect(describePublishFailure(error)).toBe('MESSAGE_TOO_LARGE: The request included a message larger than the max message size the server will accept');
    expect(describePublishFailure(retriesExceeded(protocolError('UNKNOWN_TOPIC_OR_PARTITION', true, 'This server does not host this topic-partition')))).toBe(
      'UNKNOWN_TOPIC_OR_PARTITION: This server does not host this topic-partition',
    );
  });

  it('keeps the message alone when there is no code, and at most 2000 characters', () => {
    expect(describePublishFailure(new Error('boom'))).toBe('boom');
    expect(describePublishFailure(new Error('x'.repeat(5_000)))).toHaveLength(2_000);
  });
});

describe('isOutboxMessageId', () => {
  it('takes a UUID, in either case, and nothing else', () => {
    expect(isOutboxMessageId('0193a6f2-7c1e-7d3a-9b1f-2c3d4e5f6a7b')).toBe(true);
    expect(isOutboxMessageId('0193A6F2-7C1E-7D3A-9B1F-2C3D4E5F6A7B')).toBe(true);
    expect(isOutboxMessageId('0193a6f2-7c1e-7d3a-9b1f-2c3d4e5f6a7')).toBe(false);
    expect(isOutboxMessageId("0193a6f2-7c1e-7d3a-9b1f-2c3d4e5f6a7b' OR 1=1")).toBe(false);
    expect(isOutboxMessageId('')).toBe(false);
  });
});
