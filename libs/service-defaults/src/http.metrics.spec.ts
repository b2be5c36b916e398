import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { Router, type Request, type Response } from 'express';
import { httpRequestDuration, requestMetrics, sseConnectionsOpen, statusClassOf, trackEventStream } from './http.metrics';

/** The histogram's `_count` series: one per method, route and status class, with how many answers. */
async function counts(): Promise<Record<string, number>> {
  const { values } = await httpRequestDuration.get();
  return Object.fromEntries(
    values
      .filter((value) => value.metricName === 'cms_http_server_request_duration_seconds_count')
      .map((value) => [`${value.labels.method} ${value.labels.route} ${value.labels.status_class}`, value.value]),
  );
}

async function openStreams(): Promise<number> {
  return (await sseConnectionsOpen.get()).values[0].value;
}

describe('request metrics', () => {
  let server: Server;
  let baseUrl: string;
  const streams: Response[] = [];

  beforeAll(async () => {
    const app = express();
    app.use(requestMetrics({ routeOf: (request) => (request.originalUrl.startsWith('/proxied/') ? '/proxied/*' : undefined) }));
    app.get('/api/v1/contacts/:crn', (_request, response) => void response.json({}));
    app.post('/api/v1/contacts', (_request, response) => void response.status(422).json({}));
    const session = Router();
    session.post('/login', (_request, response) => void response.status(204).end());
    app.use('/api/web-session', session);
    app.use('/proxied', (_request, response) => void response.status(502).end());
    app.get('/stream', (_request: Request, response: Response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.flushHeaders();
      trackEventStream(response);
      streams.push(response);
    });
    await new Promise<void>((resolve) => {
      server = app.listen(0, '127.0.0.1', () => resolve());
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => httpRequestDuration.reset());

  it('labels each answer with its route template, never its path, and its status class', async () => {
    await fetch(`${baseUrl}/api/v1/contacts/C000000001`);
    await fetch(`${baseUrl}/api/v1/contacts/C000000002`);
    await fetch(`${baseUrl}/api/v1/contacts`, { method: 'POST' });
    await fetch(`${baseUrl}/api/web-session/login`, { method: 'POST' });
    await fetch(`${baseUrl}/proxied/anything/at/all`);
    await fetch(`${baseUrl}/no/such/path`);

    expect(await counts()).toEqual({
      'GET /api/v1/contacts/:crn 2xx': 2,
      'POST /api/v1/contacts 4xx': 1,
      'POST /api/web-session/login 2xx': 1,
      'GET /proxied/* 5xx': 1,
      'GET unmatched 4xx': 1,
    });
  });

  it('counts an event stream as open until it closes, and leaves it out of the request histogram', async () => {
    const before = await openStreams();
    const client = new AbortController();
    const response = await fetch(`${baseUrl}/stream`, { signal: client.signal });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(await openStreams()).toBe(before + 1);

    const closed = new Promise((resolve) => streams.at(-1)!.once('close', resolve));
    client.abort();
    await closed;

    expect(await openStreams()).toBe(before);
    expect(await counts()).toEqual({});
  });

  it('names status classes', () => {
    expect([200, 204, 301, 404, 429, 500, 503].map(statusClassOf)).toEqual(['2xx', '2xx', '3xx', '4xx', '4xx', '5xx', '5xx']);
  });
});
