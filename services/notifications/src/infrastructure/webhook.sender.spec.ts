import type { LookupAddress } from 'node:dns';
import { AddressGuard } from './webhook.sender';

/** What the guard's connection lookup answers for a host: the addresses, or the error. */
function connectLookup(guard: AddressGuard, host: string): Promise<LookupAddress[] | Error> {
  return new Promise((resolve) => {
    guard.connectLookup(host, { all: true }, (error, addresses) => resolve(error ?? (addresses as LookupAddress[])));
  });
}

describe('the webhook address guard (server-side request forgery)', () => {
  const guard = new AddressGuard([]);

  it('refuses loopback, private, shared, link-local and reserved addresses, in IPv4 and IPv6', async () => {
    for (const url of [
      'http://127.0.0.1/',
      'http://10.0.0.1/',
      'http://172.16.5.4/',
      'http://192.168.1.1/',
      'http://100.64.0.1/',
      'http://169.254.169.254/latest/meta-data',
      'http://0.0.0.0/',
      'http://[::1]/',
      'http://[fd00::1]/',
      'http://[fe80::1]/',
      'http://[::ffff:10.0.0.1]/',
    ]) {
      expect(await guard.refusal(url)).toMatch(/refused unless allow-listed/);
    }
  });

  it('lets a public address through, and nothing but http and https, without credentials', async () => {
    expect(await guard.refusal('https://93.184.216.34/hook')).toBeNull();
    expect(await guard.refusal('http://[2606:2800:220:1:248:1893:25c8:1946]/hook')).toBeNull();
    expect(await guard.refusal('ftp://93.184.216.34/')).toMatch(/http or https/);
    expect(await guard.refusal('https://user:secret@93.184.216.34/')).toMatch(/credentials/);
    expect(await guard.refusal('not a url')).toMatch(/not a URL/);
  });

  it('lets through what the allow list names: an address, a range, a host', async () => {
    const allowing = new AddressGuard(['127.0.0.1', '10.20.0.0/16', 'partner-gw.internal']);
    expect(await allowing.refusal('http://127.0.0.1:8080/hook')).toBeNull();
    expect(await allowing.refusal('http://10.20.3.4/hook')).toBeNull();
    expect(await allowing.refusal('http://partner-gw.internal/hook')).toBeNull();
    expect(await allowing.refusal('http://10.21.0.1/hook')).toMatch(/refused/);
  });

  it('checks the addresses a name resolves to when the delivery connects, not only at registration', async () => {
    expect(await connectLookup(guard, 'localhost')).toEqual(expect.objectContaining({ message: expect.stringMatching(/refused unless allow-listed/) }));
    const allowing = new AddressGuard(['localhost']);
    expect(await connectLookup(allowing, 'localhost')).toEqual(expect.arrayContaining([expect.objectContaining({ family: expect.any(Number) })]));
  });
});
