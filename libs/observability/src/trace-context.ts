import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

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

/** What a failure says, for a span's status. */
function describe(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
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
  /** Ends the span, failed when given the error. */
  end(error?: unknown): void;
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
  const parent = contextOf(message.traceparent);
  const span = trace.getTracer('@cms/messaging').startSpan(
    `send ${message.topic}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'send',
        'messaging.operation.name': 'send',
        'messaging.destination.name': message.topic,
        'messaging.message.id': message.id,
        'messaging.kafka.message.key': message.key,
        ...(message.type ? { 'cloudevents.event_type': message.type } : {}),
      },
    },
    parent,
  );
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(parent, span), carrier);
  return {
    traceparent: carrier.traceparent ?? message.traceparent,
    end(error?: unknown) {
      if (error !== undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: describe(error) });
      span.end();
    },
  };
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
  const parent = contextOf(message.traceparent);
  const span = trace.getTracer('@cms/messaging').startSpan(
    `process ${message.topic}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.operation.name': 'process',
        'messaging.destination.name': message.topic,
        'messaging.destination.partition.id': String(message.partition),
        'messaging.kafka.offset': Number(message.offset),
        'messaging.consumer.group.name': message.consumerGroup,
        ...(message.id ? { 'messaging.message.id': message.id } : {}),
        ...(message.type ? { 'cloudevents.event_type': message.type } : {}),
      },
    },
    parent,
  );
  const inSpan = trace.setSpan(parent, span);
  return {
    run: (work) => context.with(inSpan, work),
    end(failure?: unknown) {
      if (failure !== undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: describe(failure) });
      span.end();
    },
  };
}
