import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';

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

/**
 * Runs `work` inside the trace context carried by a `traceparent` header, when there is one. When
 * the active span already belongs to that trace (the kafkajs instrumentation's span for the
 * message, when spans are exported), `work` stays under it.
 */
export function withTraceparent<T>(traceparent: string | undefined, work: () => T): T {
  if (!traceparent) return work();
  const parent = contextOf(traceparent);
  const activeTraceId = trace.getActiveSpan()?.spanContext().traceId;
  if (activeTraceId !== undefined && activeTraceId === trace.getSpanContext(parent)?.traceId) return work();
  return context.with(parent, work);
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
 * so that a request's trace runs on through the relay and Kafka to every consumer.
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
      if (error !== undefined) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      }
      span.end();
    },
  };
}

/**
 * Runs `work` with the instrumentations silenced: they make no span and inject no trace context.
 * For work that makes its own spans, such as the relay's sends (the kafkajs instrumentation's
 * send spans, made in the relay's loop, would each start a trace of their own).
 */
export function withoutInstrumentation<T>(work: () => T): T {
  return context.with(suppressTracing(context.active()), work);
}
