import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { Agent, request } from 'undici';
import type { WebhookAddressGuard, WebhookAnswer, WebhookSender } from '../application/webhook.ports';

/**
 * The addresses a webhook may not reach unless allow-listed (server-side request forgery): this
 * machine, private networks, link-local (cloud metadata at 169.254.169.254), shared, multicast and
 * reserved ranges, in IPv4 and IPv6 (RFC 1918, 3927, 4193, 4291, 6598).
 */
function refusedRanges(): BlockList {
  const ranges = new BlockList();
  for (const [network, prefix] of [
    ['0.0.0.0', 8],
    ['10.0.0.0', 8],
    ['100.64.0.0', 10],
    ['127.0.0.0', 8],
    ['169.254.0.0', 16],
    ['172.16.0.0', 12],
    ['192.0.0.0', 24],
    ['192.168.0.0', 16],
    ['198.18.0.0', 15],
    ['224.0.0.0', 4],
    ['240.0.0.0', 4],
  ] as const) {
    ranges.addSubnet(network, prefix, 'ipv4');
  }
  for (const [network, prefix] of [
    ['::', 128],
    ['::1', 128],
    ['fc00::', 7],
    ['fe80::', 10],
    ['ff00::', 8],
  ] as const) {
    ranges.addSubnet(network, prefix, 'ipv6');
  }
  return ranges;
}

/**
 * Checks a webhook's address: `http` or `https`, and every address its host resolves to outside the
 * refused ranges, unless the host, the address or its range is in WEBHOOK_ALLOWED_ADDRESSES (a
 * receiver on a private network that the operator vouches for). Checked at registration and again
 * before each attempt, since what a name resolves to can change.
 */
export class AddressGuard implements WebhookAddressGuard {
  private readonly refused = refusedRanges();
  private readonly allowedRanges = new BlockList();
  private readonly allowedHosts = new Set<string>();

  constructor(allowList: readonly string[]) {
    for (const entry of allowList.map((item) => item.trim().toLowerCase()).filter(Boolean)) {
      const [address, prefix] = entry.split('/');
      const family = isIP(address);
      if (family === 0) this.allowedHosts.add(entry);
      else if (prefix === undefined) this.allowedRanges.addAddress(address, family === 4 ? 'ipv4' : 'ipv6');
      else this.allowedRanges.addSubnet(address, Number(prefix), family === 4 ? 'ipv4' : 'ipv6');
    }
  }

  async refusal(url: string): Promise<string | null> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return 'The address is not a URL.';
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'The address must be http or https.';
    if (parsed.username || parsed.password) return 'The address must not carry credentials.';
    const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (this.allowedHosts.has(host)) return null;
    let addresses: LookupAddress[];
    try {
      addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true });
    } catch {
      return `The host ${host} cannot be resolved.`;
    }
    const refused = addresses.find((address) => this.isRefused(address));
    return refused ? refusedMessage(refused.address) : null;
  }

  /**
   * A DNS lookup for the connection itself (net.connect's `lookup`): the addresses a name resolves to
   * when the delivery connects, each checked, so that a name that resolved to a public address at
   * the check cannot reach a private one when connecting (DNS rebinding).
   */
  readonly connectLookup = (hostname: string, options: { all?: boolean }, callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void): void => {
    const host = hostname.toLowerCase();
    lookup(host, { all: true }).then(
      (addresses) => {
        const refused = this.allowedHosts.has(host) ? undefined : addresses.find((address) => this.isRefused(address));
        if (refused) return callback(new Error(refusedMessage(refused.address)), '');
        if (options.all) return callback(null, addresses);
        callback(null, addresses[0].address, addresses[0].family);
      },
      (error: Error) => callback(error, ''),
    );
  };

  private isRefused({ address, family }: LookupAddress): boolean {
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (this.allowedRanges.check(address, type)) return false;
    // An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it is.
    const mapped = type === 'ipv6' ? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] : undefined;
    return mapped ? this.refused.check(mapped, 'ipv4') && !this.allowedRanges.check(mapped, 'ipv4') : this.refused.check(address, type);
  }
}

function refusedMessage(address: string): string {
  return `The address ${address} is private, loopback or link-local: refused unless allow-listed (WEBHOOK_ALLOWED_ADDRESSES).`;
}

/**
 * Sends a delivery as Standard Webhooks says (the `standardwebhooks` package): POST of the JSON
 * body with `webhook-id` (the delivery's id, the same on every attempt), `webhook-timestamp`
 * (seconds) and `webhook-signature`: `v1,<HMAC-SHA256>` with each secret valid now (two during a
 * rotation, space-separated). Redirects are not followed (they could lead past the guard), and the
 * connection resolves its host through the guard.
 */
export class HttpWebhookSender implements WebhookSender {
  /** Connections through the guard's lookup, so every connection goes to a checked address. */
  private readonly dispatcher: Agent;

  constructor(
    private readonly guard: AddressGuard,
    private readonly timeoutMs: number,
  ) {
    this.dispatcher = new Agent({ connect: { lookup: guard.connectLookup }, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  }

  async send(url: string, delivery: { id: string; body: string; secrets: string[]; at: Date }): Promise<WebhookAnswer> {
    const refusal = await this.guard.refusal(url);
    if (refusal) return { status: null, error: refusal };
    const signature = delivery.secrets.map((secret) => new Webhook(secret).sign(delivery.id, delivery.at, delivery.body)).join(' ');
    try {
      // undici's request follows no redirect: one could lead past the guard.
      const answer = await request(url, {
        method: 'POST',
        dispatcher: this.dispatcher,
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'CMS-Webhooks/1',
          'webhook-id': delivery.id,
          'webhook-timestamp': String(Math.floor(delivery.at.getTime() / 1000)),
          'webhook-signature': signature,
        },
        body: delivery.body,
      });
      await answer.body.dump();
      return { status: answer.statusCode, error: null };
    } catch (error) {
      return { status: null, error: error instanceof Error ? `${error.name}: ${error.message}` : 'no answer' };
    }
  }

  /** Nest's hook when the service stops: its kept-alive connections to the endpoints close. */
  onApplicationShutdown(): Promise<void> {
    return this.dispatcher.close();
  }
}
