import { EventStreamParser } from './event-stream';

describe('reading an event stream', () => {
  it('reads the alerts notifications sends, skipping its heartbeats', () => {
    const parser = new EventStreamParser();
    const events = parser.push('retry: 2000\n\n: heartbeat\n\nid: 41\nevent: alert\ndata: {"id":"41"}\n\nid: 42\nevent: alert\ndata: {"id":"42"}\n\n');
    expect(events).toEqual([
      { type: 'alert', data: '{"id":"41"}', lastEventId: '41' },
      { type: 'alert', data: '{"id":"42"}', lastEventId: '42' },
    ]);
    expect([parser.lastEventId, parser.retryMs]).toEqual(['42', 2000]);
  });

  it('waits for the blank line that ends an event, however the stream is cut', () => {
    const text = 'id: 7\r\nevent: alert\r\ndata: first\r\ndata: second\r\n\r\n';
    for (let size = 1; size <= text.length; size++) {
      const parser = new EventStreamParser();
      const events = [];
      for (let at = 0; at < text.length; at += size) events.push(...parser.push(text.slice(at, at + size)));
      expect(events).toEqual([{ type: 'alert', data: 'first\nsecond', lastEventId: '7' }]);
    }
  });

  it('ends lines at CR, LF or CRLF, as the standard says', () => {
    const parser = new EventStreamParser();
    expect(parser.push('data: a\rdata: b\n\rdata:c\r\n\n')).toEqual([
      { type: 'message', data: 'a\nb', lastEventId: '' },
      { type: 'message', data: 'c', lastEventId: '' },
    ]);
  });

  it('keeps one leading space of a value, a field without a colon, and ignores unknown fields and a bad retry', () => {
    const parser = new EventStreamParser();
    expect(parser.push('\uFEFFdata:  two spaces\ndata\nfoo: bar\nretry: soon\n\n')).toEqual([
      { type: 'message', data: ' two spaces\n', lastEventId: '' },
    ]);
    expect(parser.retryMs).toBeUndefined();
  });

  it('moves the last event id on an event without data, and resumes from the id it was given', () => {
    const parser = new EventStreamParser('40');
    expect(parser.push('data: x\n\n')).toEqual([{ type: 'message', data: 'x', lastEventId: '40' }]);
    expect(parser.push('id: 41\n\n')).toEqual([]);
    expect(parser.lastEventId).toBe('41');
    expect(parser.push('id: 4\u00002\n\n')).toEqual([]);
    expect(parser.lastEventId).toBe('41');
  });

  it('dispatches nothing that a blank line has not ended', () => {
    const parser = new EventStreamParser();
    expect(parser.push('id: 9\nevent: alert\ndata: half')).toEqual([]);
    expect(parser.lastEventId).toBe('');
  });
});
