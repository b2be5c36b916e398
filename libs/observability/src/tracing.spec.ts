import { metrics, trace } from '@opentelemetry/api';
import { startTracing, stopTracing } from './tracing';

describe('startTracing', () => {
  afterAll(() => stopTracing());

  it('records spans, and no OpenTelemetry metrics (those are Prometheus, from prom-client)', () => {
    startTracing('tracing-spec');

    const span = trace.getTracer('tracing-spec').startSpan('probe');
    expect(span.isRecording()).toBe(true);
    span.end();
    // No meter provider: the instrumentations' metrics are neither recorded nor pushed over OTLP.
    expect(metrics.getMeterProvider().constructor.name).toBe('NoopMeterProvider');
  });
});
