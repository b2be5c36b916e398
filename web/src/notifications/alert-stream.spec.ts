import { ApiProblem } from '../api/problem';
import { openAlertStream, reconnectDelay, type Alert } from './alert-stream';

const alert = (id: string): Alert => ({
  id,
  kind: 'CONTACT_RESOLVED',
  crn: 'C000001234',
  link: '/contacts/C000001234',
  title: 'Contact C000001234 was resolved VALID',
  detail: {},
  occurredAt: '2026-12-01T10:00:00Z',
  createdAt: '2026-12-01T10:00:00Z',
  read: false,
});
const frame = (value: Alert) => `id: ${value.id}\nevent: alert\ndata: ${JSON.stringify(value)}\n\n`;

/** A server's answers, one per connection: each an event stream the test writes into, or a status. */
function fakeServer() {
  const requests: { headers: Record<string, string> }[] = [];
  const streams: { write(text: string): void; end(): void }[] = [];
  const answers: (() => Response)[] = [];
  const serve = jest.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
    requests.push({ headers: init!.headers as Record<string, string> });
    const answer = answers.shift();
    if (answer) return answer();
    const encoder = new TextEncoder();
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({ start: (given) => void (controller = given) });
    init!.signal!.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
    streams.push({ write: (text) => controller.enqueue(encoder.encode(text)), end: () => controller.close() });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream; charset=utf-8' } });
  }) as unknown as typeof globalThis.fetch;
  return { fetch: serve, requests, streams, answers };
}

describe('the live alert stream', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask'] }));
  afterEach(() => jest.useRealTimers());

  const settle = () => jest.advanceTimersByTimeAsync(0);

  function open(server: ReturnType<typeof fakeServer>, after = '40') {
    const received: string[] = [];
    let tokens = 0;
    const sessionEnded = jest.fn();
    const stream = openAlertStream({
      accessToken: async () => `token-${++tokens}`,
      after,
      onAlert: (value) => received.push(value.id),
      onSessionEnded: sessionEnded,
      fetch: server.fetch,
    });
    return { stream, received, sessionEnded };
  }

  it('asks for the alerts after the newest shown, with the bearer token, and hands each on as it arrives', async () => {
    const server = fakeServer();
    const { received, stream } = open(server);
    await settle();
    expect(server.requests[0].headers).toEqual({
      authorization: 'Bearer token-1',
      accept: 'text/event-stream',
      'last-event-id': '40',
    });
    server.streams[0].write('retry: 2000\n\n: heartbeat\n\n');
    server.streams[0].write(frame(alert('41')).slice(0, 20));
    await settle();
    expect(received).toEqual([]);
    server.streams[0].write(frame(alert('41')).slice(20) + frame(alert('42')));
    await settle();
    expect(received).toEqual(['41', '42']);
    stream.close();
  });

  it('reconnects when the stream ends, after the server’s retry time, from the last alert and with a fresh token', async () => {
    const server = fakeServer();
    const { received, stream } = open(server);
    await settle();
    server.streams[0].write(`retry: 3000\n\n${frame(alert('41'))}`);
    server.streams[0].end();
    await jest.advanceTimersByTimeAsync(2_999);
    expect(server.requests).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(server.requests[1].headers).toEqual(expect.objectContaining({ authorization: 'Bearer token-2', 'last-event-id': '41' }));
    server.streams[1].write(frame(alert('42')));
    await settle();
    expect(received).toEqual(['41', '42']);
    stream.close();
  });

  it('waits twice as long after each connection in a row that fails, and as long as a rate limit says', async () => {
    const server = fakeServer();
    server.answers.push(
      () => new Response(null, { status: 503 }),
      () => new Response(null, { status: 503 }),
      () => new Response(null, { status: 429, headers: { 'retry-after': '30' } }),
    );
    const { stream } = open(server);
    await settle();
    await jest.advanceTimersByTimeAsync(4_000);
    expect(server.requests).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(7_999);
    expect(server.requests).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(server.requests).toHaveLength(3);
    await jest.advanceTimersByTimeAsync(29_999);
    expect(server.requests).toHaveLength(3);
    await jest.advanceTimersByTimeAsync(1);
    expect(server.requests).toHaveLength(4);
    expect([reconnectDelay(0, 2_000), reconnectDelay(3, 2_000), reconnectDelay(10, 2_000)]).toEqual([2_000, 16_000, 60_000]);
    stream.close();
  });

  it('stops when the API no longer takes the session', async () => {
    const server = fakeServer();
    server.answers.push(() => new Response(null, { status: 401 }));
    const { sessionEnded } = open(server);
    await settle();
    await jest.advanceTimersByTimeAsync(120_000);
    expect([server.requests.length, sessionEnded.mock.calls.length]).toEqual([1, 1]);
  });

  it('stops when the session cannot give a token', async () => {
    const server = fakeServer();
    const stream = openAlertStream({
      accessToken: () => Promise.reject(new ApiProblem(401, 'UNAUTHENTICATED', 'Authentication required', 'Sign in.', undefined, [])),
      after: '0',
      onAlert: () => undefined,
      onSessionEnded: () => undefined,
      fetch: server.fetch,
    });
    await jest.advanceTimersByTimeAsync(120_000);
    expect(server.requests).toHaveLength(0);
    stream.close();
  });

  it('stops on close: the open request is aborted and nothing reconnects', async () => {
    const server = fakeServer();
    const { stream, received } = open(server);
    await settle();
    stream.close();
    await jest.advanceTimersByTimeAsync(120_000);
    expect(server.requests).toHaveLength(1);
    expect(received).toEqual([]);
  });
});
