/**
 * OpenTelemetry, started before anything else is loaded (each service's `main.ts` imports its
 * `tracing.ts` first), so that the HTTP, Express, NestJS, pg and kafkajs modules are patched when
 * they are first required. Spans are exported over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is
 * set; without it, spans are still created so that trace ids reach logs, problem details and
 * Kafka headers, but nothing is exported.
 */
import { NodeSDK } from '@opentelemetry/sdk-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { AlwaysOffSampler, BatchSpanProcessor, ParentBasedSampler, type SpanProcessor } from '@opentelemetry/sdk-trace';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

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

export function startTracing(serviceName: string): void {
  if (sdk) return;
  const exporting = Boolean(process.env.OTEL_EXPORTER_OTLP_ENDPOINT);
  const spanProcessors: SpanProcessor[] = exporting
    ? [new BatchSpanProcessor({ exporter: new OTLPTraceExporter() })]
    : [new DiscardingSpanProcessor()];
  sdk = new NodeSDK({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: process.env.OTEL_SERVICE_NAME ?? serviceName }),
    spanProcessors,
    // Recording a span costs CPU on every request; without an exporter it would be thrown away.
    ...(exporting ? {} : { sampler: new ParentBasedSampler({ root: new AlwaysOffSampler() }) }),
    // Metrics are Prometheus, from prom-client at /metrics, and logs are pino's JSON on stdout.
    // Without these empty lists the SDK would record every instrumentation's metrics (one
    // histogram entry per SQL statement) and push them over OTLP to localhost:4318 each minute.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      // Carry the trace across processes, exported or not: every request has a trace id, and each
      // call to another service continues the caller's trace.
      new HttpInstrumentation({
        // Probes and scrapes would drown the traces that matter.
        ignoreIncomingRequestHook: (request) => /^\/(health|metrics)/.test(request.url ?? ''),
      }),
      // Node's global fetch: service-to-service calls carry the trace.
      new UndiciInstrumentation(),
      // Describe the work inside a process: worth their cost only when their spans go somewhere
      // (recording and exporting every span of a logged contact costs the services about 1.5 ms
      // of CPU, docs/benchmarks.md). Kafka messages carry their trace context without them: the
      // outbox stores it and consumers continue it.
      ...(exporting
        ? [
            // A span per Express middleware costs more than it tells; routes and handlers are enough.
            new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE] }),
            new NestInstrumentation(),
            new PgInstrumentation(),
            new KafkaJsInstrumentation(),
          ]
        : []),
    ],
  });
  sdk.start();
}

export async function stopTracing(): Promise<void> {
  await sdk?.shutdown();
  sdk = undefined;
}
