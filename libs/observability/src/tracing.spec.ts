import { context, metrics, propagation, trace, TraceFlags } from '@opentelemetry/api';
import { startTracing, stopTracing } from './tracing';

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

  it('sets up no OpenTelemetry metrics (those are Prometheus, from prom-client)', () => {
    // No meter provider: the instrumentations' metrics are neither recorded nor pushed over OTLP.
    expect(metrics.getMeterProvider().constructor.name).toBe('NoopMeterProvider');
  });
});
