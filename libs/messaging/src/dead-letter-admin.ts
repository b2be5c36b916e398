import type { KafkaAdapter } from './kafka-adapter';
import {
  isDeadLetterTopic,
  readDeadLetter,
  readReplayMarker,
  replayMarkerTopic,
  trackReplays,
  type Replay,
  type ReplayMarker,
  type TrackedDeadLetter,
} from './dead-letters';

/**
 * The operator's side of dead letters (`npm run dlt`) on the broker: read the dead-letter topics
 * with their replay markers, and publish replays. What a letter is and what a replay publishes is
 * dead-letters.ts.
 */

/** Every dead-letter topic on the cluster (`<topic>.dlt`, made by EventConsumer for each topic it reads). */
export async function listDeadLetterTopics(kafka: KafkaAdapter): Promise<string[]> {
  return (await kafka.listTopics()).filter(isDeadLetterTopic).sort();
}

/** Every letter of the dead-letter topics (which must exist), each marked replayed or not. */
export async function readDeadLetters(kafka: KafkaAdapter, deadLetterTopics: string[]): Promise<TrackedDeadLetter[]> {
  if (deadLetterTopics.length === 0) return [];
  const existing = new Set(await kafka.listTopics());
  const markerTopics = deadLetterTopics.map(replayMarkerTopic).filter((topic) => existing.has(topic));
  const messages = await kafka.readTopics([...deadLetterTopics, ...markerTopics]);
  const markerTopicNames = new Set(markerTopics);
  const markers: ReplayMarker[] = [];
  const letters = [];
  for (const message of messages) {
    if (!markerTopicNames.has(message.topic)) {
      letters.push(readDeadLetter(message));
      continue;
    }
    const marker = readReplayMarker(message);
    if (marker) markers.push(marker);
  }
  return trackReplays(letters, markers);
}

/**
 * Publishes the replays: first the events, back on their topics, then the markers that settle their
 * letters. In that order because a replay that is published but not marked (the command stopped
 * in between) only stays listed, and replaying it again is harmless (consumers ignore an event id
 * they applied); a marker without its event would hide a letter that was never replayed.
 * A marker topic keeps the latest marker of each letter (compacted, not deleted by age), so it
 * outlives the letters it names and never grows past one small message per letter.
 */
export async function publishReplays(kafka: KafkaAdapter, replays: Replay[]): Promise<void> {
  if (replays.length === 0) return;
  const markers = replays.flatMap((replay) => replay.markers);
  await kafka.ensureTopics([...new Set(markers.map((marker) => marker.topic))], 1, { 'cleanup.policy': 'compact' });
  await kafka.publish(replays.map((replay) => replay.message));
  await kafka.publish(markers);
}
