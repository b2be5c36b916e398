// SCRAM credentials on the broker (KIP-554, AlterUserScramCredentials, API key 51). kafkajs can
// authenticate with SCRAM but has no admin call to create or delete a credential, and no other
// Kafka client is a dependency here; so this one request is written by hand, over the internal
// listener, with Node's Buffer and net. Everything else about Kafka goes through kafkajs.
// Wire format: https://kafka.apache.org/protocol (AlterUserScramCredentials v0, a "flexible"
// request: compact strings and arrays, tagged fields; request header v2, response header v1).
import crypto from 'node:crypto';
import net from 'node:net';

const ALTER_USER_SCRAM_CREDENTIALS = 51;
const VERSION = 0;
/** The mechanism ids of the protocol: 1 SCRAM-SHA-256, 2 SCRAM-SHA-512. CMS uses SCRAM-SHA-512 only. */
const SCRAM_SHA_512 = 2;
/** Kafka refuses fewer than 4096 iterations for SCRAM-SHA-512 (and more than 16384). */
export const SCRAM_ITERATIONS = 8192;
const SALT_BYTES = 32;
/** Error codes the answer may carry that are not a failure for what was asked. */
const NONE = 0;
const RESOURCE_NOT_FOUND = 91; // deleting a credential that does not exist: already gone

export class ScramCredentialError extends Error {
  constructor(
    readonly user: string,
    readonly errorCode: number,
    message: string,
  ) {
    super(`SCRAM credential of ${user}: error ${errorCode}${message ? ` (${message})` : ''}`);
  }
}

export type ScramChange = { upsert: { user: string; password: string } } | { delete: { user: string } };

function uvarint(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value >>> 0;
  while (rest >= 0x80) {
    bytes.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

const compactBytes = (value: Buffer) => Buffer.concat([uvarint(value.length + 1), value]);
const compactString = (value: string) => compactBytes(Buffer.from(value, 'utf8'));
const compactArray = (items: Buffer[]) => Buffer.concat([uvarint(items.length + 1), ...items]);
const int8 = (value: number) => Buffer.from([value]);
const int16 = (value: number) => {
  const b = Buffer.alloc(2);
  b.writeInt16BE(value);
  return b;
};
const int32 = (value: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(value);
  return b;
};
const NO_TAGS = uvarint(0);

/** SCRAM's SaltedPassword (RFC 5802 §3): Hi(password, salt, i) = PBKDF2 with HMAC-SHA-512. */
export function saltedPassword(password: string, salt: Buffer, iterations: number): Buffer {
  return crypto.pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, 64, 'sha512');
}

/** The request frame (size, header v2, body). Only the salted password travels, never the password. */
export function alterScramCredentialsRequest(changes: ScramChange[], correlationId: number, clientId: string): Buffer {
  const deletions = changes.flatMap((change) =>
    'delete' in change ? [Buffer.concat([compactString(change.delete.user), int8(SCRAM_SHA_512), NO_TAGS])] : [],
  );
  const upsertions = changes.flatMap((change) => {
    if (!('upsert' in change)) return [];
    const salt = crypto.randomBytes(SALT_BYTES);
    return [
      Buffer.concat([
        compactString(change.upsert.user),
        int8(SCRAM_SHA_512),
        int32(SCRAM_ITERATIONS),
        compactBytes(salt),
        compactBytes(saltedPassword(change.upsert.password, salt, SCRAM_ITERATIONS)),
        NO_TAGS,
      ]),
    ];
  });
  const client = Buffer.from(clientId, 'utf8');
  const header = Buffer.concat([int16(ALTER_USER_SCRAM_CREDENTIALS), int16(VERSION), int32(correlationId), int16(client.length), client, NO_TAGS]);
  const body = Buffer.concat([compactArray(deletions), compactArray(upsertions), NO_TAGS]);
  return Buffer.concat([int32(header.length + body.length), header, body]);
}

/** Reads the response (header v1, body) into one result per user. */
export function parseAlterScramCredentialsResponse(
  frame: Buffer,
  correlationId: number,
): { user: string; errorCode: number; errorMessage: string | null }[] {
  let o = 0;
  const readUvarint = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = frame.readUInt8(o++);
      value |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return value >>> 0;
      shift += 7;
    }
  };
  const skipTags = () => {
    for (let n = readUvarint(); n > 0; n--) {
      readUvarint(); // tag
      o += readUvarint(); // size, then the data
    }
  };
  const readCompactString = (): string | null => {
    const length = readUvarint() - 1;
    if (length < 0) return null;
    o += length;
    return frame.toString('utf8', o - length, o);
  };
  if (frame.readInt32BE(o) !== correlationId) throw new Error('unexpected correlation id');
  o += 4;
  skipTags(); // response header v1
  o += 4; // throttle_time_ms
  const results: { user: string; errorCode: number; errorMessage: string | null }[] = [];
  for (let n = readUvarint() - 1; n > 0; n--) {
    const user = readCompactString() ?? '';
    const errorCode = frame.readInt16BE(o);
    o += 2;
    const errorMessage = readCompactString();
    skipTags();
    results.push({ user, errorCode, errorMessage });
  }
  return results;
}

function exchange(address: string, request: Buffer, timeoutMs: number): Promise<Buffer> {
  const at = address.lastIndexOf(':');
  const host = address.slice(0, at).replace(/^\[|\]$/g, '');
  const port = Number(address.slice(at + 1));
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    let received = Buffer.alloc(0);
    const done = (error?: Error, frame?: Buffer) => {
      socket.destroy();
      if (error) reject(error);
      else resolve(frame!);
    };
    socket.setTimeout(timeoutMs, () => done(new Error(`no answer from ${address} within ${timeoutMs} ms`)));
    socket.once('error', (error) => done(error));
    socket.once('close', () => done(new Error(`${address} closed the connection`)));
    socket.once('connect', () => socket.write(request));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4) return;
      const size = received.readInt32BE(0);
      if (received.length >= 4 + size) done(undefined, received.subarray(4, 4 + size));
    });
  });
}

/**
 * Creates (or replaces) and deletes SCRAM-SHA-512 credentials, through a broker's internal listener
 * (any broker: KRaft forwards the request to the controller). Throws ScramCredentialError for a
 * change the broker refused; deleting a credential that does not exist is not a failure.
 */
export async function alterScramCredentials(
  brokers: string[],
  changes: ScramChange[],
  options: { clientId: string; timeoutMs?: number },
): Promise<void> {
  if (changes.length === 0) return;
  const correlationId = crypto.randomInt(1, 2 ** 31 - 1);
  const request = alterScramCredentialsRequest(changes, correlationId, options.clientId);
  let lastError: unknown;
  for (const address of brokers) {
    let frame: Buffer;
    try {
      frame = await exchange(address, request, options.timeoutMs ?? 10_000);
    } catch (error) {
      lastError = error; // try the next broker
      continue;
    }
    for (const result of parseAlterScramCredentialsResponse(frame, correlationId)) {
      if (result.errorCode !== NONE && result.errorCode !== RESOURCE_NOT_FOUND) {
        throw new ScramCredentialError(result.user, result.errorCode, result.errorMessage ?? '');
      }
    }
    return;
  }
  throw lastError instanceof Error ? lastError : new Error('no broker to alter SCRAM credentials on');
}
