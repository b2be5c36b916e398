import { context, propagation, SpanKind, SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';

/** The active trace id, for logs and problem details; undefined outside any trace. */
export function currentTraceId(): string | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext || /^0+$/.test(spanContext.traceId)) return undefined;
  return spanContext.traceId;
}

/** The active W3C `traceparent`, to be stored with an outbox row and sent as a Kafka header. */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** The active context with the trace a `traceparent` header carries (when there is one) in place of its own. */
function contextOf(traceparent: string | undefined) {
  return traceparent ? propagation.extract(context.active(), { traceparent }) : trace.deleteSpan(context.active());
}

/** Runs `work` inside the trace context carried by a `traceparent` header, when there is one. */
export function withTraceparent<T>(traceparent: string | undefined, work: () => T): T {
  if (!traceparent) return work();
  return context.with(contextOf(traceparent), work);
}

/**
 * A span of OpenTelemetry's messaging conventions (`<operation> <topic>`: send, a PRODUCER span;
 * process, a CONSUMER span) in the trace `traceparent` names: the context it makes active, and
 * how to end it (failed when given why).
 */
function startMessagingSpan(operation: 'send' | 'process', topic: string, traceparent: string | undefined, attributes: Attributes) {
  const parent = contextOf(traceparent);
  const span = trace.getTracer('@cms/messaging').startSpan(
    `${operation} ${topic}`,
    {
      kind: operation === 'send' ? SpanKind.PRODUCER : SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': operation,
        'messaging.operation.name': operation,
        'messaging.destination.name': topic,
        ...attributes,
      },
    },
    parent,
  );
  return {
    context: trace.setSpan(parent, span),
    end(failure?: unknown) {
      if (failure !== undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: failure instanceof Error ? failure.message : String(failure) });
      span.end();
    },
  };
}

/** A message about to be sent, created earlier in the trace its `traceparent` names (an outbox row). */
export interface MessageToSend {
  topic: string;
  key: string;
  /** Its id: the CloudEvents `ce_id`. */
  id: string;
  /** Its CloudEvents `ce_type`. */
  type?: string;
  traceparent?: string;
}

export interface SendSpan {
  /** The `traceparent` the message is sent with: this span's, so that its consumers' spans are its children. */
  readonly traceparent: string | undefined;
  /** Ends the span, failed when given why. */
  end(failure?: unknown): void;
}

/**
 * A span for sending one message, in the trace the message was created in: OpenTelemetry's
 * messaging conventions name it `send <topic>`, a PRODUCER span. The relay makes one per outbox row,
 * so that a request's trace runs on through the relay and Kafka to every consumer (startProcessSpan).
 * CMS makes its messaging spans itself rather than load the kafkajs instrumentation: that one makes
 * its send spans in the relay's loop, outside any trace, and its consumer spans for a batch
 * (`eachBatch`) under a `poll` span of a trace of its own, only linked to the message's.
 */
export function startSendSpan(message: MessageToSend): SendSpan {
  const sending = startMessagingSpan('send', message.topic, message.traceparent, {
    'messaging.message.id': message.id,
    'messaging.kafka.message.key': message.key,
    ...(message.type ? { 'cloudevents.event_type': message.type } : {}),
  });
  const carrier: Record<string, string> = {};
  propagation.inject(sending.context, carrier);
  return { traceparent: carrier.traceparent ?? message.traceparent, end: sending.end };
}

/** A message received by a consumer group. */
export interface ReceivedMessage {
  topic: string;
  partition: number;
  offset: string;
  consumerGroup: string;
  /** Its CloudEvents `ce_id` and `ce_type`, when it has them. */
  id?: string;
  type?: string;
  /** The span that sent it (the relay's send span). */
  traceparent?: string;
}

export interface ProcessSpan {
  /** Runs `work` in the span: the spans it makes are the span's children, and its log lines carry the trace. */
  run<T>(work: () => T): T;
  /** Ends the span, failed when given why. */
  end(failure?: unknown): void;
}

/**
 * A span for processing one message, the child of the span that sent it: OpenTelemetry's messaging
 * conventions name it `process <topic>`, a CONSUMER span. The consumer runner makes one per message
 * it acts on, so that the consumer's work is in the trace of the request that caused the message.
 */
export function startProcessSpan(message: ReceivedMessage): ProcessSpan {
  const processing = startMessagingSpan('process', message.topic, message.traceparent, {
    'messaging.destination.partition.id': String(message.partition),
    'messaging.kafka.offset': Number(message.offset),
    'messaging.consumer.group.name': message.consumerGroup,
    ...(message.id ? { 'messaging.message.id': message.id } : {}),
    ...(message.type ? { 'cloudevents.event_type': message.type } : {}),
  });
  return { run: (work) => context.with(processing.context, work), end: processing.end };
}
