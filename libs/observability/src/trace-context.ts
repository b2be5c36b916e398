import { context, propagation, trace } from '@opentelemetry/api';

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

/** Runs `work` inside the trace context carried by a `traceparent` header, when there is one. */
export function withTraceparent<T>(traceparent: string | undefined, work: () => T): T {
  if (!traceparent) return work();
  const parent = propagation.extract(context.active(), { traceparent });
  return context.with(parent, work);
}
