/** A partition's offsets as Kafka reports them, decimal strings: its first and next offset (low and high watermarks). */
export interface PartitionWatermarks {
  partition: number;
  low: string;
  high: string;
}

/** A consumer group's committed offset on a partition: the next offset it will read, or -1 when it has committed none. */
export interface CommittedOffset {
  partition: number;
  offset: string;
}

/** How many messages a consumer group has still to process on a topic. */
export interface TopicLag {
  topic: string;
  /** Messages behind the high watermark, summed over the topic's partitions. */
  lag: number;
}

/**
 * A group's lag on one topic: on each partition, the messages from its committed offset up to the
 * high watermark. A partition where it has committed nothing is read from the start (the consumer
 * runner subscribes `fromBeginning`), so every message the broker still holds there is behind; a
 * committed offset below the low watermark (those messages deleted by retention) counts from the low one.
 */
export function topicLag(topic: string, watermarks: readonly PartitionWatermarks[], committed: readonly CommittedOffset[]): TopicLag {
  let lag = 0n;
  for (const { partition, low, high } of watermarks) {
    const offset = committed.find((candidate) => candidate.partition === partition)?.offset ?? '-1';
    const from = BigInt(offset) < BigInt(low) ? BigInt(low) : BigInt(offset);
    if (BigInt(high) > from) lag += BigInt(high) - from;
  }
  return { topic, lag: Number(lag) };
}
