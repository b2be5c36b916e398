import { ConfigError } from '@cms/config';
import { tracingSettings } from './tracing-settings';

/** The problems named by the ConfigError the settings are refused with. */
function problemsOf(env: Record<string, string>): string[] {
  let refusal: unknown;
  try {
    tracingSettings(env);
  } catch (error) {
    refusal = error;
  }
  expect(refusal).toBeInstanceOf(ConfigError);
  return (refusal as ConfigError).problems;
}

describe('tracingSettings', () => {
  it('without settings: tracing on, no exporter, every trace kept once exported', () => {
    expect(tracingSettings({})).toEqual({ disabled: false, zipkinEndpoint: undefined, otlp: false, sampler: 'parentbased_always_on', samplerRatio: 1 });
  });

  it('exports to Zipkin at OTEL_EXPORTER_ZIPKIN_ENDPOINT, over OTLP when an OTLP endpoint is set, or both', () => {
    expect(tracingSettings({ OTEL_EXPORTER_ZIPKIN_ENDPOINT: 'http://127.0.0.1:9411/api/v2/spans' })).toMatchObject({
      zipkinEndpoint: 'http://127.0.0.1:9411/api/v2/spans',
      otlp: false,
    });
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318' }).otlp).toBe(true);
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://jaeger:4318/v1/traces' }).otlp).toBe(true);
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: '  ' }).otlp).toBe(false);
    expect(
      tracingSettings({ OTEL_EXPORTER_ZIPKIN_ENDPOINT: 'https://zipkin.example/api/v2/spans', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318' }),
    ).toMatchObject({ zipkinEndpoint: 'https://zipkin.example/api/v2/spans', otlp: true });
  });

  it('turns tracing off with OTEL_SDK_DISABLED=true', () => {
    expect(tracingSettings({ OTEL_SDK_DISABLED: 'true' }).disabled).toBe(true);
    expect(tracingSettings({ OTEL_SDK_DISABLED: 'false' }).disabled).toBe(false);
  });

  it("reads OpenTelemetry's samplers and the ratio they keep", () => {
    expect(tracingSettings({ OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.25' })).toMatchObject({
      sampler: 'parentbased_traceidratio',
      samplerRatio: 0.25,
    });
    expect(tracingSettings({ OTEL_TRACES_SAMPLER: 'always_off' }).sampler).toBe('always_off');
    expect(tracingSettings({ OTEL_TRACES_SAMPLER_ARG: '0' }).samplerRatio).toBe(0);
    expect(tracingSettings({ OTEL_TRACES_SAMPLER_ARG: '.5' }).samplerRatio).toBe(0.5);
  });

  it('names every setting at fault, rather than tracing otherwise than asked', () => {
    expect(problemsOf({ OTEL_TRACES_SAMPLER: 'sometimes', OTEL_TRACES_SAMPLER_ARG: '1.5' })).toEqual([
      'OTEL_TRACES_SAMPLER must be one of always_on, always_off, traceidratio, parentbased_always_on, parentbased_always_off, parentbased_traceidratio, got "sometimes"',
      'OTEL_TRACES_SAMPLER_ARG must be a fraction from 0 to 1, got "1.5"',
    ]);
    expect(problemsOf({ OTEL_TRACES_SAMPLER_ARG: '-0.1' })).toEqual(['OTEL_TRACES_SAMPLER_ARG must be a fraction from 0 to 1, got "-0.1"']);
    expect(problemsOf({ OTEL_TRACES_SAMPLER_ARG: 'half' })).toEqual(['OTEL_TRACES_SAMPLER_ARG must be a fraction from 0 to 1, got "half"']);
    expect(problemsOf({ OTEL_EXPORTER_ZIPKIN_ENDPOINT: 'grpc://127.0.0.1:9411' })).toEqual(['OTEL_EXPORTER_ZIPKIN_ENDPOINT must use http or https']);
    expect(problemsOf({ OTEL_EXPORTER_ZIPKIN_ENDPOINT: 'not a url' })).toEqual(['OTEL_EXPORTER_ZIPKIN_ENDPOINT must be a URL, got "not a url"']);
    expect(problemsOf({ OTEL_SDK_DISABLED: 'maybe' })).toEqual(['OTEL_SDK_DISABLED must be true or false, got "maybe"']);
  });
});
