/** One server-sent event as a client reads it. */
export interface ServerSentEvent {
  id: string | undefined;
  event: string;
  data: string;
}

/**
 * A client of a server-sent event stream, as a browser's EventSource reads one (the HTML
 * standard's format), over fetch: the events and comments (heartbeats) so far, and a way to wait
 * for more.
 */
export interface EventStreamClient {
  status: number;
  contentType: string | null;
  events: ServerSentEvent[];
  comments: string[];
  /** Waits until there are at least `count` events (or 20 s), and returns them all. */
  untilEvents(count: number): Promise<ServerSentEvent[]>;
  /** Waits until a comment line arrives (a heartbeat). */
  untilComment(): Promise<string>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openEventStream(url: string, headers: Record<string, string>): Promise<EventStreamClient> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const events: ServerSentEvent[] = [];
  const comments: string[] = [];
  let changed: () => void = () => undefined;
  const ended = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: ServerSentEvent = { id: undefined, event: 'message', data: '' };
          let isEvent = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            else if (line.startsWith('id: ')) event.id = line.slice(4);
            else if (line.startsWith('event: ')) event.event = line.slice(7);
            else if (line.startsWith('data: ')) {
              event.data += line.slice(6);
              isEvent = true;
            }
          }
          if (isEvent) events.push(event);
          changed();
        }
      }
    } catch {
      // Aborted by close().
    }
    changed();
  })();
  const waitFor = async <T>(what: string, value: () => T | undefined): Promise<T> => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const found = value();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`${what}: never came (events: ${JSON.stringify(events)})`);
      await Promise.race([new Promise<void>((resolve) => (changed = resolve)), ended, new Promise((resolve) => setTimeout(resolve, 200))]);
    }
  };
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    events,
    comments,
    ended,
    untilEvents: (count) => waitFor(`${count} events`, () => (events.length >= count ? [...events] : undefined)),
    untilComment: () => waitFor('a comment', () => comments.find((comment) => comment === 'heartbeat')),
    close: () => abort.abort(),
  };
}
