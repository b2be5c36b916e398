import { isRepeatable, mayTryAnotherReplica, Replicas, REPLICA_REST_MS } from './replicas';

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
const dropped = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
const fetchRefused = Object.assign(new TypeError('fetch failed'), { cause: refused });

describe('Replicas', () => {
  const urls = ['http://a', 'http://b', 'http://c'];

  it('starts each request at the next replica in turn', () => {
    const replicas = new Replicas(urls);
    expect([replicas.order(), replicas.order(), replicas.order(), replicas.order()].map((order) => order[0])).toEqual(['http://a', 'http://b', 'http://c', 'http://a']);
    expect(new Replicas(urls).order()).toEqual(urls);
  });

  it('tries a replica that could not be reached last, until it has rested', () => {
    let now = 0;
    const replicas = new Replicas(urls, () => now);
    replicas.unreachable('http://b');
    expect(replicas.order()).toEqual(['http://a', 'http://c', 'http://b']);
    now = REPLICA_REST_MS - 1;
    expect(replicas.order()).toEqual(['http://c', 'http://a', 'http://b']);
    now = REPLICA_REST_MS;
    expect(replicas.order()).toEqual(['http://c', 'http://a', 'http://b']);
    expect(replicas.order()).toEqual(['http://a', 'http://b', 'http://c']);
  });

  it('moves on from a replica that refused the connection, whatever the request', async () => {
    const replicas = new Replicas(urls);
    const tried: string[] = [];
    const answer = await replicas.send(false, async (url) => {
      tried.push(url);
      if (url === 'http://a') throw refused;
      return `answered by ${url}`;
    });
    expect([tried, answer]).toEqual([['http://a', 'http://b'], 'answered by http://b']);
    // And passes it over for the next request.
    expect(replicas.order()).toEqual(['http://b', 'http://c', 'http://a']);
  });

  it('moves on from a dropped connection only for a request that may be repeated', async () => {
    const dropsOnA = (tried: string[]) => async (url: string) => {
      tried.push(url);
      if (url === 'http://a') throw dropped;
      return url;
    };
    const repeatable: string[] = [];
    await expect(new Replicas(urls).send(true, dropsOnA(repeatable))).resolves.toBe('http://b');
    const once: string[] = [];
    await expect(new Replicas(urls).send(false, dropsOnA(once))).rejects.toBe(dropped);
    expect([repeatable, once]).toEqual([['http://a', 'http://b'], ['http://a']]);
  });

  it('gives the last error when no replica could be reached, and never moves on from an answer or a timeout', async () => {
    await expect(new Replicas(urls).send(true, async () => Promise.reject(refused))).rejects.toBe(refused);
    const timeout = new Error('timed out');
    const tried: string[] = [];
    await expect(new Replicas(urls).send(true, async (url) => { tried.push(url); throw timeout; })).rejects.toBe(timeout);
    expect(tried).toEqual(['http://a']);
  });
});

describe('mayTryAnotherReplica', () => {
  it.each([
    ['a refused connection', refused, false, true],
    ["fetch's refused connection (its cause)", fetchRefused, false, true],
    ['a dropped connection, repeatable', dropped, true, true],
    ['a dropped connection, not repeatable', dropped, false, false],
    ['an error without a code (a timeout, an answer cut off)', new Error('timed out'), true, false],
  ])('%s', (_label, error, repeatable, expected) => {
    expect(mayTryAnotherReplica(error, repeatable)).toBe(expected);
  });
});

describe('isRepeatable', () => {
  it('is true of the idempotent methods and of a command with an Idempotency-Key', () => {
    expect(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'].map((method) => isRepeatable(method, {}))).toEqual([true, true, true, true, true]);
    expect(isRepeatable('POST', {})).toBe(false);
    expect(isRepeatable('POST', { 'idempotency-key': 'k-1' })).toBe(true);
    expect(isRepeatable('PATCH', {})).toBe(false);
  });
});
