import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { trace } from '@opentelemetry/api';
import { startTracing } from '@cms/observability/tracing';
import { stopGracefully, type ShutdownSettings } from './graceful-shutdown';

const settings: ShutdownSettings = { SHUTDOWN_DRAIN_DELAY_MS: 0, SHUTDOWN_TIMEOUT_MS: 25_000, SHUTDOWN_TRACE_FLUSH_TIMEOUT_MS: 5_000 };

// The batching span processor sends ended spans every 5 s: a span ended just before the stop is still
// in its queue when the application has closed. A stand-in for Zipkin's /api/v2/spans keeps what it is sent.
describe('stopGracefully', () => {
  const received: { name: string }[] = [];
  let collector: Server;

  beforeAll(async () => {
    collector = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (request.method === 'POST' && request.url === '/api/v2/spans') received.push(...(JSON.parse(Buffer.concat(chunks).toString()) as { name: string }[]));
        response.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    process.env.OTEL_EXPORTER_ZIPKIN_ENDPOINT = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/api/v2/spans`;
    startTracing('graceful-shutdown-spec');
  });

  afterAll(async () => {
    delete process.env.OTEL_EXPORTER_ZIPKIN_ENDPOINT;
    await new Promise((resolve) => collector.close(resolve));
  });

  it('sends the spans not yet exported to the collector once the application has closed, before the process may exit', async () => {
    const closed: string[] = [];
    const app = {
      close: async () => {
        // The last request's span ends as the server closes.
        trace.getTracer('graceful-shutdown-spec').startSpan('GET /api/v1/contacts/:crn').end();
        closed.push('app');
      },
    };

    await stopGracefully(app, pino({ level: 'silent' }), 'graceful-shutdown-spec', 'SIGTERM', settings);

    expect(closed).toEqual(['app']);
    expect(received.map((span) => span.name)).toEqual(['GET /api/v1/contacts/:crn']);
  });
});
