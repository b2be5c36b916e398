// Readiness probe for a Kafka broker: one Metadata request (v4) over a plain TCP socket.
// A hand-written request rather than a Kafka client keeps this module independent of the client
// library the services use, and quiet (kafkajs prints a TimeoutNegativeWarning on Node 24).
import net from 'node:net';
import { sleep } from './processes';

export interface ClusterInfo {
  brokers: Array<{ nodeId: number; host: string; port: number }>;
  clusterId: string | null;
  controllerId: number;
}

const METADATA = 3;
const METADATA_VERSION = 4; // non-flexible; supported by Kafka 1.0 to 4.x

function metadataRequest(correlationId: number): Buffer {
  const clientId = Buffer.from('cms-infra-probe');
  const body = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length + 4 + 1);
  let o = 0;
  o = body.writeInt16BE(METADATA, o);
  o = body.writeInt16BE(METADATA_VERSION, o);
  o = body.writeInt32BE(correlationId, o);
  o = body.writeInt16BE(clientId.length, o);
  o += clientId.copy(body, o);
  o = body.writeInt32BE(-1, o); // topics: null = all
  body.writeInt8(0, o); // allow_auto_topic_creation: false
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
}

function parseMetadata(frame: Buffer, correlationId: number): ClusterInfo {
  let o = 0;
  const int16 = () => ((o += 2), frame.readInt16BE(o - 2));
  const int32 = () => ((o += 4), frame.readInt32BE(o - 4));
  const string = (): string | null => {
    const length = int16();
    if (length < 0) return null;
    o += length;
    return frame.toString('utf8', o - length, o);
  };
  if (int32() !== correlationId) throw new Error('unexpected correlation id');
  int32(); // throttle_time_ms
  const brokers: ClusterInfo['brokers'] = [];
  for (let n = int32(); n > 0; n--) {
    const nodeId = int32();
    const host = string() ?? '';
    const port = int32();
    string(); // rack
    brokers.push({ nodeId, host, port });
  }
  const clusterId = string();
  const controllerId = int32();
  return { brokers, clusterId, controllerId };
}

function splitAddress(address: string): { host: string; port: number } {
  const at = address.lastIndexOf(':');
  return { host: address.slice(0, at).replace(/^\[|\]$/g, ''), port: Number(address.slice(at + 1)) };
}

/** Asks one broker for the cluster metadata. */
export function describeCluster(address: string, timeoutMs = 5_000): Promise<ClusterInfo> {
  const { host, port } = splitAddress(address);
  const correlationId = 1 + Math.floor(Math.random() * 1_000_000);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    let received = Buffer.alloc(0);
    const done = (error: Error | undefined, info?: ClusterInfo) => {
      socket.destroy();
      if (error) reject(error);
      else resolve(info!);
    };
    socket.setTimeout(timeoutMs, () => done(new Error(`no answer from ${address} within ${timeoutMs} ms`)));
    socket.once('error', (error) => done(error));
    socket.once('close', () => done(new Error(`${address} closed the connection`)));
    socket.once('connect', () => socket.write(metadataRequest(correlationId)));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4) return;
      const size = received.readInt32BE(0);
      if (received.length < 4 + size) return;
      try {
        done(undefined, parseMetadata(received.subarray(4, 4 + size), correlationId));
      } catch (error) {
        done(new Error(`unreadable metadata response from ${address}: ${(error as Error).message}`));
      }
    });
  });
}

/**
 * Waits until a broker of `brokers` answers a metadata request with at least one registered
 * broker and an active controller. `failed()` is checked between attempts: return an Error to
 * stop waiting (for example when the broker process has exited).
 */
export async function waitForKafka(
  brokers: string[],
  timeoutMs: number,
  failed: () => Error | undefined = () => undefined,
): Promise<ClusterInfo> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (let attempt = 0; ; attempt++) {
    const stop = failed();
    if (stop) throw stop;
    const address = brokers[attempt % brokers.length]!;
    try {
      const info = await describeCluster(address, 2_000);
      if (info.brokers.length > 0 && info.controllerId >= 0) return info;
      last = new Error('no broker registered yet');
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Kafka did not answer on ${brokers.join(',')} within ${timeoutMs / 1000} s: ${(last as Error)?.message ?? last}`,
      );
    }
    await sleep(200);
  }
}
