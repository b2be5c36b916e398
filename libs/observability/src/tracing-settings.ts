import { boolean, ConfigError, loadConfig, optionalText, text, url } from '@cms/config';

/**
 * The tracing settings, read once at a service's start. They are OpenTelemetry's own environment
 * variables (opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables), so that a
 * collector, a sidecar or an operator sets them as for any other program.
 */

/** The samplers OTEL_TRACES_SAMPLER names. */
export const TRACES_SAMPLERS = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;
export type TracesSampler = (typeof TRACES_SAMPLERS)[number];

export interface TracingSettings {
  /**
   * OTEL_SDK_DISABLED=true: tracing off. No span is made, so logs, problem details and Kafka
   * messages carry no trace id, and no trace context is passed on.
   */
  disabled: boolean;
  /** OTEL_EXPORTER_ZIPKIN_ENDPOINT: spans go to this Zipkin (`http://127.0.0.1:9411/api/v2/spans`). */
  zipkinEndpoint?: string;
  /**
   * OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: spans go over OTLP/HTTP (to
   * Jaeger in docker-compose.yml, a collector in deploy/k8s); the exporter reads them itself.
   */
  otlp: boolean;
  /**
   * OTEL_TRACES_SAMPLER: which traces are recorded and exported, when spans are exported at all.
   * Default `parentbased_always_on`: every trace, and a caller's decision followed.
   */
  sampler: TracesSampler;
  /** OTEL_TRACES_SAMPLER_ARG: the fraction of traces the ratio samplers keep, 0 to 1 (default 1). */
  samplerRatio: number;
}

/** Reads and checks the tracing settings; a ConfigError names every setting at fault. */
export function tracingSettings(env: Record<string, string | undefined> = process.env): TracingSettings {
  const given = (name: string) => Boolean(env[name]?.trim());
  const settings = loadConfig(
    {
      OTEL_SDK_DISABLED: boolean({ default: false }),
      OTEL_EXPORTER_ZIPKIN_ENDPOINT: given('OTEL_EXPORTER_ZIPKIN_ENDPOINT') ? url({ protocols: ['http', 'https'] }) : optionalText(),
      OTEL_TRACES_SAMPLER: text({ default: 'parentbased_always_on' }),
      OTEL_TRACES_SAMPLER_ARG: text({ default: '1' }),
    },
    env,
  );
  const problems: string[] = [];
  const sampler = settings.OTEL_TRACES_SAMPLER as TracesSampler;
  if (!TRACES_SAMPLERS.includes(sampler)) {
    problems.push(`OTEL_TRACES_SAMPLER must be one of ${TRACES_SAMPLERS.join(', ')}, got "${sampler}"`);
  }
  const samplerRatio = Number(settings.OTEL_TRACES_SAMPLER_ARG);
  if (!/^\d*\.?\d+$/.test(settings.OTEL_TRACES_SAMPLER_ARG) || samplerRatio > 1) {
    problems.push(`OTEL_TRACES_SAMPLER_ARG must be a fraction from 0 to 1, got "${settings.OTEL_TRACES_SAMPLER_ARG}"`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    disabled: settings.OTEL_SDK_DISABLED,
    zipkinEndpoint: settings.OTEL_EXPORTER_ZIPKIN_ENDPOINT,
    otlp: given('OTEL_EXPORTER_OTLP_ENDPOINT') || given('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'),
    sampler,
    samplerRatio,
  };
}
