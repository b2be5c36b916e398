import { context, metrics, propagation, trace, TraceFlags } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { currentTraceparent, startProcessSpan, startSendSpan } from './trace-context';
import { samplerOf, startTracing, stopTracing } from './tracing';

// Without OTEL_EXPORTER_OTLP_ENDPOINT, as in local runs and tests.
describe('startTracing without an exporter', () => {
  beforeAll(() => {
    delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    startTracing('tracing-spec');
  });
  afterAll(() => stopTracing());

  const tracer = () => trace.getTracer('tracing-spec');

  it('records no span of its own, yet gives each a trace id to pass on', () => {
    const span = tracer().startSpan('request');

    expect(span.isRecording()).toBe(false);
    expect(span.spanContext().traceId).toMatch(/^(?!0+$)[0-9a-f]{32}$/);
    const carrier: Record<string, string> = {};
    propagation.inject(trace.setSpan(context.active(), span), carrier);
    expect(carrier.traceparent).toBe(`00-${span.spanContext().traceId}-${span.spanContext().spanId}-00`);
    span.end();
  });

  it("follows a caller's trace that asks to be sampled, and passes that decision on", () => {
    const parent = propagation.extract(context.active(), { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
    const span = tracer().startSpan('request', {}, parent);

    expect(span.isRecording()).toBe(true);
    expect(span.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(span.spanContext().traceFlags & TraceFlags.SAMPLED).toBe(TraceFlags.SAMPLED);
    span.end();
  });

  it("sends a stored message in a span of its own, in the trace it was created in, and passes that span on", () => {
    const created = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

    const span = startSendSpan({ topic: 'cms.contacts.v1', key: 'C000000001', id: 'event-1', traceparent: created });
    span.end();

    expect(span.traceparent).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-(?!00f067aa0ba902b7)[0-9a-f]{16}-01$/);
    // Unsampled, it still carries the trace on.
    const unsampled = startSendSpan({ topic: 'cms.contacts.v1', key: 'C000000001', id: 'event-2', traceparent: created.replace(/-01$/, '-00') });
    expect(unsampled.traceparent).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-00$/);
    unsampled.end();
  });

  it("processes a message in a span of its own under the span that sent it, and the consumer's work under that", () => {
    const sent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

    const processing = startProcessSpan({ topic: 'cms.contacts.v1', partition: 2, offset: '41', consumerGroup: 'clarifications', traceparent: sent });
    const work = processing.run(() => ({
      traceparent: currentTraceparent(),
      parentSpanId: (trace.getActiveSpan() as unknown as ReadableSpan).parentSpanContext?.spanId,
    }));
    processing.end();

    expect(work.traceparent).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-(?!00f067aa0ba902b7)[0-9a-f]{16}-01$/);
    expect(work.parentSpanId).toBe('00f067aa0ba902b7');
  });

  it('sets up no OpenTelemetry metrics (those are Prometheus, from prom-client)', () => {
    // No meter provider: the instrumentations' metrics are neither recorded nor pushed over OTLP.
    expect(metrics.getMeterProvider().constructor.name).toBe('NoopMeterProvider');
  });
});

describe('samplerOf', () => {
  it('makes the sampler OTEL_TRACES_SAMPLER names, with its ratio', () => {
    expect(samplerOf({ sampler: 'parentbased_always_on', samplerRatio: 1 }).toString()).toMatch(/^ParentBased\{root=AlwaysOnSampler,/);
    expect(samplerOf({ sampler: 'parentbased_traceidratio', samplerRatio: 0.25 }).toString()).toMatch(/^ParentBased\{root=TraceIdRatioBased\{0.25\},/);
    expect(samplerOf({ sampler: 'traceidratio', samplerRatio: 0.1 }).toString()).toBe('TraceIdRatioBased{0.1}');
    expect(samplerOf({ sampler: 'always_off', samplerRatio: 1 }).toString()).toBe('AlwaysOffSampler');
  });
});
