import {
  deadLetterTopicNamed,
  groupDeadLetters,
  parseDeadLetterRef,
  planReplay,
  planReplayOfAll,
  readDeadLetter,
  readReplayMarker,
  replayScope,
  trackReplays,
  type TrackedDeadLetter,
} from './dead-letters';
import type { IncomingMessage } from './kafka-adapter';

const EVENT = '0193a6f2-7c1e-7d3a-9b1f-2c3d4e5f6a7b';
const OTHER_EVENT = '0193a6f2-7c1e-7d3a-9b1f-2c3d4e5f6a7c';

/** A message as EventConsumer dead-letters it. */
function deadLetterMessage(fields: {
  partition?: number;
  offset: string;
  eventId?: string;
  group?: string;
  error?: string;
  time?: string;
  originalOffset?: string;
  extra?: Record<string, string>;
}): IncomingMessage {
  return {
    topic: 'cms.contacts.v1.dlt',
    partition: fields.partition ?? 0,
    offset: fields.offset,
    key: 'C000000001',
    value: '{"crn":"C000000001"}',
    headers: {
      ce_specversion: '1.0',
      ce_id: fields.eventId ?? EVENT,
      ce_type: 'uk.gas.cms.contact.logged.v1',
      ce_source: '/cms/contact-logging',
      ce_time: '2026-12-01T09:59:00.000Z',
      ce_subject: 'C000000001',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      cms_dlt_error: fields.error ?? 'UnprocessableEventError: contact C000000001 is not held',
      cms_dlt_attempts: '1',
      cms_dlt_consumer_group: fields.group ?? 'meter-points.contacts',
      cms_dlt_original_topic: 'cms.contacts.v1',
      cms_dlt_original_partition: String(fields.partition ?? 0),
      cms_dlt_original_offset: fields.originalOffset ?? fields.offset,
      cms_dlt_time: fields.time ?? '2026-12-01T10:00:00.000Z',
      ...fields.extra,
    },
  };
}

function tracked(message: IncomingMessage, replayedAt?: string): TrackedDeadLetter {
  return trackReplays(
    [readDeadLetter(message)],
    replayedAt
      ? [{ deadLetterId: `${message.topic}:${message.partition}:${message.offset}`, replayedAt: new Date(replayedAt) }]
      : [],
  )[0];
}

describe('dead letters: ids', () => {
  it('names a letter by its place on the dead-letter topic, or by its event id', () => {
    expect(parseDeadLetterRef('cms.contacts.v1.dlt:2:0042')).toEqual({
      kind: 'letter',
      id: 'cms.contacts.v1.dlt:2:42',
    });
    expect(parseDeadLetterRef(` ${EVENT.toUpperCase()} `)).toEqual({ kind: 'event', eventId: EVENT });
  });

  it.each([
    'cms.contacts.v1:2:42',
    'cms.contacts.v1.dlt:2',
    'cms.contacts.v1.dlt:a:1',
    '.dlt:0:1',
    'C000000001',
    '42',
    '',
  ])('refuses %j', (text) => {
    expect(parseDeadLetterRef(text)).toBeUndefined();
  });

  it('takes a topic with or without .dlt', () => {
    expect(deadLetterTopicNamed('cms.contacts.v1')).toBe('cms.contacts.v1.dlt');
    expect(deadLetterTopicNamed('cms.contacts.v1.dlt')).toBe('cms.contacts.v1.dlt');
  });
});

describe('dead letters: reading', () => {
  it('reads what EventConsumer wrote', () => {
    expect(readDeadLetter(deadLetterMessage({ partition: 1, offset: '7', originalOffset: '12' }))).toEqual(
      expect.objectContaining({
        id: 'cms.contacts.v1.dlt:1:7',
        originalTopic: 'cms.contacts.v1',
        originalPartition: 1,
        originalOffset: '12',
        consumerGroup: 'meter-points.contacts',
        error: 'UnprocessableEventError: contact C000000001 is not held',
        attempts: 1,
        deadLetteredAt: new Date('2026-12-01T10:00:00.000Z'),
        eventId: EVENT,
        eventType: 'uk.gas.cms.contact.logged.v1',
        subject: 'C000000001',
        replaysBefore: 0,
        key: 'C000000001',
      }),
    );
  });

  it('reads a message put there without our headers, its topic the dead-letter topic’s', () => {
    const letter = readDeadLetter({
      topic: 'cms.access.v1.dlt',
      partition: 0,
      offset: '3',
      key: null,
      value: 'x',
      headers: { cms_dlt_time: 'yesterday', cms_dlt_original_offset: 'x' },
    });
    expect(letter).toEqual(
      expect.objectContaining({
        originalTopic: 'cms.access.v1',
        error: '(no error recorded)',
        deadLetteredAt: undefined,
        originalOffset: undefined,
        eventId: undefined,
        replaysBefore: 0,
      }),
    );
  });

  it('reads a replay marker by its key; a marker without a readable time still marks the letter replayed', () => {
    const marker = { topic: 'cms.contacts.v1.dlt.replayed', partition: 0, offset: '0', headers: {} };
    expect(
      readReplayMarker({
        ...marker,
        key: 'cms.contacts.v1.dlt:0:1',
        value: '{"replayedAt":"2026-12-02T08:00:00.000Z"}',
      }),
    ).toEqual({
      deadLetterId: 'cms.contacts.v1.dlt:0:1',
      replayedAt: new Date('2026-12-02T08:00:00.000Z'),
    });
    expect(readReplayMarker({ ...marker, key: 'cms.contacts.v1.dlt:0:1', value: 'garbage' })).toEqual({
      deadLetterId: 'cms.contacts.v1.dlt:0:1',
      replayedAt: undefined,
    });
    expect(readReplayMarker({ ...marker, key: null, value: '{}' })).toBeUndefined();

    const [letter] = trackReplays(
      [readDeadLetter(deadLetterMessage({ offset: '1' }))],
      [{ deadLetterId: 'cms.contacts.v1.dlt:0:1', replayedAt: undefined }],
    );
    expect(letter).toEqual(expect.objectContaining({ replayed: true, replayedAt: undefined }));
  });

  it('keeps the latest replay time of a letter replayed twice', () => {
    const [letter] = trackReplays(
      [readDeadLetter(deadLetterMessage({ offset: '1' }))],
      [
        { deadLetterId: 'cms.contacts.v1.dlt:0:1', replayedAt: new Date('2026-12-02T08:00:00.000Z') },
        { deadLetterId: 'cms.contacts.v1.dlt:0:1', replayedAt: new Date('2026-12-03T08:00:00.000Z') },
        { deadLetterId: 'cms.contacts.v1.dlt:0:2', replayedAt: new Date('2026-12-04T08:00:00.000Z') },
      ],
    );
    expect(letter).toEqual(
      expect.objectContaining({ replayed: true, replayedAt: new Date('2026-12-03T08:00:00.000Z'), replays: 2 }),
    );
  });
});

describe('dead letters: grouping', () => {
  it('counts the waiting letters per topic and consumer group, with their first and last time and their errors, most frequent first', () => {
    const notHeld = 'UnprocessableEventError: contact C000000001 is not held';
    const timeout = 'Error: Connection terminated due to connection timeout';
    const groups = groupDeadLetters([
      tracked(deadLetterMessage({ offset: '1', time: '2026-12-01T10:00:00.000Z', error: timeout })),
      tracked(deadLetterMessage({ offset: '2', time: '2026-12-01T11:00:00.000Z', error: notHeld })),
      tracked(deadLetterMessage({ offset: '3', time: '2026-12-01T09:00:00.000Z', error: notHeld })),
      tracked(
        deadLetterMessage({ offset: '4', time: '2026-12-01T12:00:00.000Z', error: notHeld }),
        '2026-12-02T08:00:00.000Z',
      ),
      tracked(deadLetterMessage({ offset: '5', group: 'contact-logging.outcomes', time: '2026-12-01T08:00:00.000Z' })),
    ]);
    expect(
      groups.map(({ waiting, ...group }) => ({ ...group, waiting: waiting.map((letter) => letter.offset) })),
    ).toEqual([
      {
        originalTopic: 'cms.contacts.v1',
        consumerGroup: 'contact-logging.outcomes',
        waiting: ['5'],
        replayed: 0,
        first: new Date('2026-12-01T08:00:00.000Z'),
        last: new Date('2026-12-01T08:00:00.000Z'),
        errors: [{ error: notHeld, count: 1 }],
      },
      {
        originalTopic: 'cms.contacts.v1',
        consumerGroup: 'meter-points.contacts',
        waiting: ['3', '1', '2'],
        replayed: 1,
        first: new Date('2026-12-01T09:00:00.000Z'),
        last: new Date('2026-12-01T11:00:00.000Z'),
        errors: [
          { error: notHeld, count: 2 },
          { error: timeout, count: 1 },
        ],
      },
    ]);
  });

  it('keeps a group whose letters were all replayed, with nothing waiting', () => {
    expect(groupDeadLetters([tracked(deadLetterMessage({ offset: '1' }), '2026-12-02T08:00:00.000Z')])).toEqual([
      expect.objectContaining({ waiting: [], replayed: 1, first: undefined, last: undefined, errors: [] }),
    ]);
  });
});

describe('dead letters: what a replay puts back', () => {
  it('republishes the same key, value and CloudEvents headers to the original topic, says it is a replay, and marks the letter', () => {
    const letter = tracked(deadLetterMessage({ partition: 1, offset: '7' }));
    const replay = planReplay([letter], new Date('2026-12-02T08:00:00.000Z'));
    expect(replay.message).toEqual({
      topic: 'cms.contacts.v1',
      key: 'C000000001',
      value: '{"crn":"C000000001"}',
      headers: {
        ce_specversion: '1.0',
        ce_id: EVENT,
        ce_type: 'uk.gas.cms.contact.logged.v1',
        ce_source: '/cms/contact-logging',
        ce_time: '2026-12-01T09:59:00.000Z',
        ce_subject: 'C000000001',
        traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
        cms_replayed_at: '2026-12-02T08:00:00.000Z',
        cms_replay_count: '1',
        cms_replay_of: 'cms.contacts.v1.dlt:1:7',
      },
    });
    expect(replay.markers).toEqual([
      {
        topic: 'cms.contacts.v1.dlt.replayed',
        key: 'cms.contacts.v1.dlt:1:7',
        value: JSON.stringify({ replayedAt: '2026-12-02T08:00:00.000Z', eventId: EVENT }),
        headers: {},
      },
    ]);
    expect(replay.settles).toEqual([letter]);
  });

  it('counts the replays of an event that failed again after one, and settles its waiting letters of every group', () => {
    const first = tracked(deadLetterMessage({ offset: '1' }), '2026-12-02T08:00:00.000Z');
    const again = tracked(
      deadLetterMessage({
        offset: '9',
        time: '2026-12-02T08:00:01.000Z',
        extra: { cms_replay_count: '1', cms_replay_of: first.id, cms_replayed_at: '2026-12-02T08:00:00.000Z' },
      }),
    );
    const otherGroup = tracked(deadLetterMessage({ offset: '2', group: 'contact-logging.outcomes' }));
    const replay = planReplay([first, again, otherGroup], new Date('2026-12-03T08:00:00.000Z'));
    expect(replay.message.headers).toEqual(
      expect.objectContaining({
        cms_replay_count: '2',
        cms_replay_of: again.id,
        cms_replayed_at: '2026-12-03T08:00:00.000Z',
      }),
    );
    expect(Object.keys(replay.message.headers).filter((name) => name.startsWith('cms_dlt_'))).toEqual([]);
    expect(replay.settles.map((letter) => letter.id)).toEqual([again.id, otherGroup.id]);
    expect(replay.markers.map((marker) => marker.key)).toEqual([again.id, otherGroup.id]);
  });

  it('replays a letter replayed before once more, and marks it again', () => {
    const letter = tracked(deadLetterMessage({ offset: '1' }), '2026-12-02T08:00:00.000Z');
    const replay = planReplay([letter], new Date('2026-12-03T08:00:00.000Z'));
    expect(replay.settles).toEqual([]);
    expect(replay.message.headers).toEqual(
      expect.objectContaining({ cms_replay_count: '2', cms_replay_of: letter.id }),
    );
    expect(replay.markers.map((marker) => marker.key)).toEqual([letter.id]);
  });

  it('replays every waiting letter of a topic once per event, in the order the topic held them', () => {
    const letters = [
      tracked(deadLetterMessage({ offset: '3', eventId: OTHER_EVENT, originalOffset: '20' })),
      tracked(deadLetterMessage({ offset: '1', originalOffset: '10' })),
      tracked(deadLetterMessage({ offset: '2', originalOffset: '10', group: 'contact-logging.outcomes' })),
      tracked(
        deadLetterMessage({ offset: '4', eventId: '0193a6f2-7c1e-7d3a-9b1f-2c3d4e5f6a7d', originalOffset: '5' }),
        '2026-12-02T08:00:00.000Z',
      ),
    ];
    const replays = planReplayOfAll(letters, new Date('2026-12-03T08:00:00.000Z'));
    expect(
      replays.map((replay) => [replay.message.headers.ce_id, replay.settles.map((letter) => letter.offset)]),
    ).toEqual([
      [EVENT, ['1', '2']],
      [OTHER_EVENT, ['3']],
    ]);
  });

  it('scopes a replay: the letter named and the other letters of its event on its topic, or every letter of an event id', () => {
    const letters = [
      tracked(deadLetterMessage({ offset: '1' })),
      tracked(deadLetterMessage({ offset: '2', group: 'contact-logging.outcomes' })),
      tracked(deadLetterMessage({ offset: '3', eventId: OTHER_EVENT })),
    ];
    const ids = (scope: ReturnType<typeof replayScope>) =>
      scope.outcome === 'unknown' ? [] : scope.letters.map((letter) => letter.offset);
    expect(replayScope({ kind: 'letter', id: 'cms.contacts.v1.dlt:0:2' }, letters)).toEqual(
      expect.objectContaining({ outcome: 'found' }),
    );
    expect(ids(replayScope({ kind: 'letter', id: 'cms.contacts.v1.dlt:0:2' }, letters))).toEqual(['1', '2']);
    expect(ids(replayScope({ kind: 'event', eventId: OTHER_EVENT }, letters))).toEqual(['3']);
    expect(replayScope({ kind: 'letter', id: 'cms.contacts.v1.dlt:0:9' }, letters)).toEqual({ outcome: 'unknown' });

    const onAnotherTopic = tracked({
      ...deadLetterMessage({ offset: '1' }),
      topic: 'cms.meter-points.v1.dlt',
      headers: { ...deadLetterMessage({ offset: '1' }).headers, cms_dlt_original_topic: 'cms.meter-points.v1' },
    });
    expect(replayScope({ kind: 'event', eventId: EVENT }, [...letters, onAnotherTopic])).toEqual(
      expect.objectContaining({ outcome: 'ambiguous' }),
    );
  });
});
