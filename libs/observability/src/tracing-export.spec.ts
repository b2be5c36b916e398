import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, trace } from '@opentelemetry/api';
import { currentTraceparent, startProcessSpan, startSendSpan } from './trace-context';
import { startTracing, stopTracing } from './tracing';

interface ZipkinSpan {
  traceId: string;
  id: string;
  parentId?: string;
  name: string;
  kind?: string;
  localEndpoint: { serviceName: string };
  tags?: Record<string, string>;
}

// With OTEL_EXPORTER_ZIPKIN_ENDPOINT, as `npm start` runs every service: spans are posted in
// Zipkin's v2 JSON to the endpoint (here a stand-in collector that keeps what it is sent).
describe('startTracing with a Zipkin endpoint', () => {
  const received: ZipkinSpan[] = [];
  let collector: Server;

  beforeAll(async () => {
    collector = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (request.method === 'POST' && request.url === '/api/v2/spans') received.push(...(JSON.parse(Buffer.concat(chunks).toString()) as ZipkinSpan[]));
        response.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    process.env.OTEL_EXPORTER_ZIPKIN_ENDPOINT = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/api/v2/spans`;
    startTracing('tracing-export-spec');
  });
  afterAll(async () => {
    delete process.env.OTEL_EXPORTER_ZIPKIN_ENDPOINT;
    await new Promise((resolve) => collector.close(resolve));
  });

  it("exports a request's span, the relay's send span of its event and a consumer's process span, one trace, named for the service", async () => {
    const request = trace.getTracer('tracing-export-spec').startSpan('POST /api/v1/contacts');
    const stored = context.with(trace.setSpan(context.active(), request), () => currentTraceparent());
    request.end();
    const send = startSendSpan({ topic: 'cms.contacts.v1', key: 'C000000001', id: 'event-1', type: 'uk.gas.cms.contact.logged.v1', traceparent: stored });
    send.end();
    const processing = startProcessSpan({ topic: 'cms.contacts.v1', partition: 0, offset: '7', consumerGroup: 'clarifications', id: 'event-1', traceparent: send.traceparent });
    processing.end('dead-lettered');

    await stopTracing(); // flushes what is batched

    const traceId = request.spanContext().traceId;
    expect(received).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ traceId, id: request.spanContext().spanId, name: 'POST /api/v1/contacts', localEndpoint: { serviceName: 'tracing-export-spec' } }),
        expect.objectContaining({
          traceId,
          parentId: request.spanContext().spanId,
          name: 'send cms.contacts.v1',
          kind: 'PRODUCER',
          localEndpoint: { serviceName: 'tracing-export-spec' },
          tags: expect.objectContaining({ 'messaging.destination.name': 'cms.contacts.v1', 'messaging.message.id': 'event-1' }),
        }),
      ]),
    );
    const sendSpanId = received.find((span) => span.kind === 'PRODUCER')!.id;
    expect(send.traceparent).toBe(`00-${traceId}-${sendSpanId}-01`);
    expect(received.find((span) => span.kind === 'CONSUMER')).toMatchObject({
      traceId,
      parentId: sendSpanId,
      name: 'process cms.contacts.v1',
      tags: expect.objectContaining({ 'messaging.consumer.group.name': 'clarifications', 'messaging.kafka.offset': '7', error: 'dead-lettered' }),
    });
  });
});
