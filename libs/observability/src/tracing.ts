/**
 * OpenTelemetry, started before anything else is loaded (each service's `main.ts` imports its
 * `tracing.ts` first), so that the HTTP, Express, NestJS, pg and kafkajs modules are patched when
 * they are first required. Kafka's spans are CMS's own (trace-context.ts: the relay's send span for each
 * message, the consumer's process span under it). Settings (tracing-settings.ts, OpenTelemetry's own variables): spans go
 * to Zipkin when OTEL_EXPORTER_ZIPKIN_ENDPOINT is set (`npm start` and the end-to-end tests run
 * one), over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is (docker-compose's Jaeger, deploy/k8s's
 * collector), to both when both are; OTEL_TRACES_SAMPLER chooses which traces are kept;
 * OTEL_SDK_DISABLED=true turns tracing off. Without an exporter, spans are still created so that
 * trace ids reach logs, problem details and Kafka headers, but none is recorded.
 */
import { NodeSDK } from '@opentelemetry/sdk-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ZipkinExporter } from '@opentelemetry/exporter-zipkin';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  type Sampler,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { envDetector, hostDetector, resourceFromAttributes, serviceInstanceIdDetector } from '@opentelemetry/resources';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { ConfigError } from '@cms/config';
import { tracingSettings, type TracingSettings } from './tracing-settings';
import { whenTracingStops } from './tracing-stop';

export { stopTracing } from './tracing-stop';

let sdk: NodeSDK | undefined;

/**
 * Keeps spans (and so trace ids) when nothing exports them: the SDK registers no tracer provider
 * at all without a span processor, and then logs, problem details and Kafka headers get no trace.
 */
class DiscardingSpanProcessor implements SpanProcessor {
  onStart(): void {}
  onEnd(): void {}
  async forceFlush(): Promise<void> {}
  async shutdown(): Promise<void> {}
}

/** The sampler OTEL_TRACES_SAMPLER names, as OpenTelemetry's specification defines each. */
export function samplerOf(settings: Pick<TracingSettings, 'sampler' | 'samplerRatio'>): Sampler {
  switch (settings.sampler) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(settings.samplerRatio);
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(settings.samplerRatio) });
  }
}

/** The settings, or the process ends as runService ends it on bad configuration (EX_CONFIG, 78). */
function settingsOrExit(serviceName: string): TracingSettings {
  try {
    return tracingSettings();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${serviceName}: ${error.message}`);
    process.exit(78);
  }
}

export function startTracing(serviceName: string): void {
  if (sdk) return;
  const settings = settingsOrExit(serviceName);
  if (settings.disabled) return;
  const exporters: SpanExporter[] = [
    ...(settings.zipkinEndpoint ? [new ZipkinExporter({ url: settings.zipkinEndpoint })] : []),
    ...(settings.otlp ? [new OTLPTraceExporter()] : []),
  ];
  const exporting = exporters.length > 0;
  sdk = new NodeSDK({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: process.env.OTEL_SERVICE_NAME ?? serviceName }),
    // Which replica made a span (host.name is the pod's name in Kubernetes), and what an operator
    // adds (OTEL_RESOURCE_ATTRIBUTES). Not the process and OS detectors' twenty-odd attributes:
    // Zipkin's format repeats the resource on every span.
    resourceDetectors: [envDetector, hostDetector, serviceInstanceIdDetector],
    spanProcessors: exporting ? exporters.map((exporter) => new BatchSpanProcessor({ exporter })) : [new DiscardingSpanProcessor()],
    // Recording a span costs CPU on every request; without an exporter it would be thrown away.
    sampler: exporting ? samplerOf(settings) : new ParentBasedSampler({ root: new AlwaysOffSampler() }),
    // Metrics are Prometheus, from prom-client at /metrics, and logs are pino's JSON on stdout.
    // Without these empty lists the SDK would record every instrumentation's metrics (one
    // histogram entry per SQL statement) and push them over OTLP to localhost:4318 each minute.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      // Carry the trace across processes, exported or not: every request has a trace id, and each
      // call to another service continues the caller's trace. A call made outside any request (a
      // readiness check of another service) starts no trace of its own.
      new HttpInstrumentation({
        // Probes and scrapes would drown the traces that matter.
        ignoreIncomingRequestHook: (request) => /^\/(health|metrics)/.test(request.url ?? ''),
        requireParentforOutgoingSpans: true,
      }),
      // Node's global fetch: service-to-service calls carry the trace.
      new UndiciInstrumentation({ requireParentforSpans: true }),
      // Describe the work inside a process: worth their cost only when their spans go somewhere
      // (recording and exporting every span of a logged contact costs the services about 1.5 ms
      // of CPU, docs/benchmarks.md).
      ...(exporting
        ? [
            // A span per Express middleware costs more than it tells; routes and handlers are enough.
            new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE] }),
            new NestInstrumentation(),
            // Statements outside any request or event (the relay's and the timers' polling, each
            // second) would each be a trace of their own.
            new PgInstrumentation({ requireParentSpan: true }),
          ]
        : []),
    ],
  });
  sdk.start();
  const started = sdk;
  whenTracingStops(async () => {
    await started.shutdown();
    if (sdk === started) sdk = undefined;
  });
}
