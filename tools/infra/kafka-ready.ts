import { Kafka, logLevel } from 'kafkajs';
import { sleep } from './processes';

/**
 * Waits until a kafkajs admin client can describe the cluster through `brokers`.
 * `failed()` is checked between attempts: return an Error to stop waiting (the broker died).
 */
export async function waitForKafka(
  brokers: string[],
  timeoutMs: number,
  failed: () => Error | undefined = () => undefined,
): Promise<void> {
  const kafka = new Kafka({
    clientId: 'cms-infra-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    requestTimeout: 5_000,
    retry: { retries: 0 },
  });
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    const stop = failed();
    if (stop) throw stop;
    const admin = kafka.admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      if (cluster.brokers.length > 0 && cluster.controller !== null) return;
      last = new Error('no broker registered yet');
    } catch (error) {
      last = error;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Kafka did not answer on ${brokers.join(',')} within ${timeoutMs / 1000} s: ${(last as Error)?.message ?? last}`,
      );
    }
    await sleep(250);
  }
}
