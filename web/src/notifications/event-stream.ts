/** One server-sent event, as the HTML standard dispatches it. */
export interface ServerSentEvent {
  /** The `event` field, or `message` without one. */
  type: string;
  data: string;
  /** The last event id of the stream when it was dispatched (what a reconnection sends as Last-Event-ID). */
  lastEventId: string;
}

/**
 * Reads a `text/event-stream` as it arrives, in pieces of any size, exactly as the HTML standard's
 * EventSource interprets one (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation):
 * lines end with CRLF, LF or CR; a blank line dispatches the event; `data` lines join with LF;
 * `id` sets the last event id (kept across events, and across reconnections by whoever reconnects);
 * `retry` sets the reconnection time; a line starting with a colon is a comment (a heartbeat).
 * The app cannot use EventSource itself: it sends no Authorization header, and the access token
 * lives in the page's memory, not in a cookie.
 */
export class EventStreamParser {
  private pending = '';
  private firstChunk = true;
  /** A CR ended the last piece: an LF starting the next one belongs to it. */
  private afterCr = false;
  private data = '';
  private type = '';
  private idBuffer: string;
  lastEventId: string;
  /** Milliseconds the server asked a reconnection to wait (`retry`), if it said. */
  retryMs: number | undefined;

  /** `lastEventId`: where a reconnected stream starts from. */
  constructor(lastEventId = '') {
    this.lastEventId = lastEventId;
    this.idBuffer = lastEventId;
  }

  /** The events that a piece of the stream completes. */
  push(text: string): ServerSentEvent[] {
    if (text === '') return [];
    let chunk = text;
    if (this.firstChunk) {
      this.firstChunk = false;
      if (chunk.startsWith('\uFEFF')) chunk = chunk.slice(1);
    }
    if (this.afterCr && chunk.startsWith('\n')) chunk = chunk.slice(1);
    this.afterCr = false;
    const events: ServerSentEvent[] = [];
    let buffer = this.pending + chunk;
    for (;;) {
      const end = buffer.search(/[\r\n]/);
      if (end < 0) break;
      const line = buffer.slice(0, end);
      if (buffer[end] === '\r') {
        if (end + 1 === buffer.length) {
          this.afterCr = true;
          buffer = '';
        } else {
          buffer = buffer.slice(buffer[end + 1] === '\n' ? end + 2 : end + 1);
        }
      } else {
        buffer = buffer.slice(end + 1);
      }
      const event = this.line(line);
      if (event) events.push(event);
    }
    this.pending = buffer;
    return events;
  }

  private line(line: string): ServerSentEvent | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.type = value;
    else if (field === 'data') this.data += `${value}\n`;
    else if (field === 'id' && !value.includes('\0')) this.idBuffer = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
    return undefined;
  }

  private dispatch(): ServerSentEvent | undefined {
    this.lastEventId = this.idBuffer;
    const data = this.data;
    const type = this.type || 'message';
    this.data = '';
    this.type = '';
    if (data === '') return undefined;
    return { type, data: data.slice(0, -1), lastEventId: this.lastEventId };
  }
}
