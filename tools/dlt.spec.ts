import {
  groupDeadLetters,
  planReplay,
  readDeadLetter,
  trackReplays,
  type IncomingMessage,
  type TrackedDeadLetter,
} from '@cms/messaging';
import { formatDeadLetter, formatDeadLetterList, formatReplay, parseDltCommand, UsageError } from './dlt';

const EVENT = '0193a6f2-7c1e-7d3a-9b1f-2c3d4e5f6a7b';
const BROKERS = { KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092' };
const REMOTE = { brokers: ['kafka-1:9092', 'kafka-2:9092'] };

describe('npm run dlt: the command line', () => {
  it('reads list, show, replay and replay --all, against the local stack’s broker unless KAFKA_BROKERS names one', () => {
    expect(parseDltCommand(['list'], {})).toEqual({ action: 'list', cluster: { local: true } });
    expect(parseDltCommand(['list', 'cms.contacts.v1'], BROKERS)).toEqual({
      action: 'list',
      topic: 'cms.contacts.v1.dlt',
      cluster: REMOTE,
    });
    expect(parseDltCommand(['show', 'cms.contacts.v1.dlt:1:42'], BROKERS)).toEqual({
      action: 'show',
      ref: { kind: 'letter', id: 'cms.contacts.v1.dlt:1:42' },
      cluster: REMOTE,
    });
    expect(parseDltCommand(['replay', EVENT.toUpperCase()], BROKERS)).toEqual({
      action: 'replay',
      ref: { kind: 'event', eventId: EVENT },
      cluster: REMOTE,
    });
    expect(parseDltCommand(['replay', '--all', 'cms.contacts.v1.dlt'], BROKERS)).toEqual({
      action: 'replay-all',
      topic: 'cms.contacts.v1.dlt',
      cluster: REMOTE,
    });
    expect(parseDltCommand(['replay', 'cms.meter-points.v1', '--all'], { KAFKA_BROKERS: ' ' })).toEqual({
      action: 'replay-all',
      topic: 'cms.meter-points.v1.dlt',
      cluster: { local: true },
    });
  });

  it('answers --help with the usage', () => {
    expect(parseDltCommand(['--help'], {})).toEqual({ action: 'help' });
    expect(parseDltCommand(['-h'], {})).toEqual({ action: 'help' });
  });

  it.each([
    [[], {}, 'no command given'],
    [['ls'], {}, 'unknown command "ls"'],
    [['list', 'a', 'b'], {}, 'list takes one topic at most'],
    [['list', '--all'], {}, 'list takes one topic at most'],
    [['list', 'cms contacts'], {}, 'is not a topic name'],
    [['show'], {}, 'show takes one dead letter id'],
    [['show', 'cms.contacts.v1:1:42'], {}, '"cms.contacts.v1:1:42" is not a dead letter id'],
    [['replay'], {}, 'replay takes one dead letter id, or --all and a topic'],
    [['replay', '--all'], {}, 'replay --all takes one topic'],
    [['replay', '--all', 'a', 'b'], {}, 'replay --all takes one topic'],
    [['replay', 'C000000001'], {}, 'is not a dead letter id'],
    [['list'], { KAFKA_BROKERS: 'http://kafka:9092' }, 'KAFKA_BROKERS must be a comma-separated list of host:port'],
    [['list', '--verbose'], {}, "Unknown option '--verbose'"],
  ])('refuses %j (%j) as a usage error: %s', (argv, env, message) => {
    expect(() => parseDltCommand(argv, env)).toThrow(UsageError);
    expect(() => parseDltCommand(argv, env)).toThrow(message);
  });
});

function letter(
  offset: string,
  fields: { error?: string; time?: string; replayedAt?: string; value?: string } = {},
): TrackedDeadLetter {
  const message: IncomingMessage = {
    topic: 'cms.contacts.v1.dlt',
    partition: 0,
    offset,
    key: 'C000000001',
    value: fields.value ?? '{"crn":"C000000001","status":"LOGGED"}',
    headers: {
      ce_id: EVENT,
      ce_type: 'uk.gas.cms.contact.logged.v1',
      ce_subject: 'C000000001',
      cms_dlt_error: fields.error ?? 'UnprocessableEventError: contact C000000001 is not held',
      cms_dlt_attempts: '5',
      cms_dlt_consumer_group: 'meter-points.contacts',
      cms_dlt_original_topic: 'cms.contacts.v1',
      cms_dlt_original_partition: '0',
      cms_dlt_original_offset: String(Number(offset) + 100),
      cms_dlt_time: fields.time ?? '2026-12-01T10:00:00.000Z',
    },
  };
  const markers = fields.replayedAt
    ? [{ deadLetterId: `cms.contacts.v1.dlt:0:${offset}`, replayedAt: new Date(fields.replayedAt) }]
    : [];
  return trackReplays([readDeadLetter(message)], markers)[0];
}

describe('npm run dlt -- list', () => {
  it('shows per topic and group how many wait, since when, the errors most frequent first, and the letters with their ids', () => {
    const text = formatDeadLetterList(
      groupDeadLetters([
        letter('1', { time: '2026-12-01T09:00:00.000Z' }),
        letter('2', { time: '2026-12-01T11:00:00.000Z', error: 'Error: connection\nterminated' }),
        letter('3', { time: '2026-12-01T10:00:00.000Z' }),
        letter('4', { replayedAt: '2026-12-02T08:00:00.000Z' }),
      ]),
      2,
    );
    expect(text.split('\n')).toEqual([
      '3 dead letters waiting in 2 dead-letter topics (1 letter replayed already, not listed):',
      '',
      'cms.contacts.v1, consumer group meter-points.contacts: 3 waiting, 1 replayed',
      '  dead-lettered from 2026-12-01T09:00:00.000Z to 2026-12-01T11:00:00.000Z',
      '  errors:',
      '        2  UnprocessableEventError: contact C000000001 is not held',
      '        1  Error: connection terminated',
      '  letters:',
      '    id                       dead-lettered             attempts  event type                    subject     error',
      '    cms.contacts.v1.dlt:0:1  2026-12-01T09:00:00.000Z  5         uk.gas.cms.contact.logged.v1  C000000001  UnprocessableEventError: contact C000000001 is not held',
      '    cms.contacts.v1.dlt:0:3  2026-12-01T10:00:00.000Z  5         uk.gas.cms.contact.logged.v1  C000000001  UnprocessableEventError: contact C000000001 is not held',
      '    cms.contacts.v1.dlt:0:2  2026-12-01T11:00:00.000Z  5         uk.gas.cms.contact.logged.v1  C000000001  Error: connection terminated',
    ]);
  });

  it('shows the latest 20 letters of a group and the 5 most frequent errors, and counts the rest', () => {
    const letters = Array.from({ length: 25 }, (_, index) =>
      letter(String(index), {
        time: new Date(Date.UTC(2026, 11, 1, 10, index)).toISOString(),
        error: `Error: failure ${index % 7}`,
      }),
    );
    const lines = formatDeadLetterList(groupDeadLetters(letters), 1).split('\n');
    expect(lines).toContain('  the latest 20:');
    expect(lines.filter((line) => line.startsWith('    cms.contacts.v1.dlt:0:'))).toHaveLength(20);
    expect(lines.find((line) => line.startsWith('    cms.contacts.v1.dlt:0:'))).toContain('dlt:0:5 ');
    expect(lines.filter((line) => /^ {8}\d  Error: failure/.test(line))).toHaveLength(5);
    expect(lines).toContain('    and 2 other errors (6 letters)');
  });

  it('says so when nothing waits', () => {
    expect(formatDeadLetterList(groupDeadLetters([letter('4', { replayedAt: '2026-12-02T08:00:00.000Z' })]), 1)).toBe(
      'No dead letters waiting in 1 dead-letter topic (1 letter replayed already, not listed).',
    );
    expect(formatDeadLetterList([], 3)).toBe('No dead letters waiting in 3 dead-letter topics.');
  });
});

describe('npm run dlt -- show', () => {
  it('shows one letter in full, its payload indented', () => {
    expect(formatDeadLetter(letter('7')).split('\n')).toEqual([
      'Dead letter cms.contacts.v1.dlt:0:7: waiting',
      '  from             cms.contacts.v1, partition 0, offset 107',
      '  consumer group   meter-points.contacts',
      '  dead-lettered    2026-12-01T10:00:00.000Z, after 5 attempts',
      '  replayed before  never',
      `  event            ${EVENT} (uk.gas.cms.contact.logged.v1), subject C000000001`,
      '  key              C000000001',
      '  error            UnprocessableEventError: contact C000000001 is not held',
      '',
      'headers:',
      `  ce_id: ${EVENT}`,
      '  ce_subject: C000000001',
      '  ce_type: uk.gas.cms.contact.logged.v1',
      '  cms_dlt_attempts: 5',
      '  cms_dlt_consumer_group: meter-points.contacts',
      '  cms_dlt_error: UnprocessableEventError: contact C000000001 is not held',
      '  cms_dlt_original_offset: 107',
      '  cms_dlt_original_partition: 0',
      '  cms_dlt_original_topic: cms.contacts.v1',
      '  cms_dlt_time: 2026-12-01T10:00:00.000Z',
      '',
      'payload:',
      '{',
      '  "crn": "C000000001",',
      '  "status": "LOGGED"',
      '}',
    ]);
  });

  it('says when it was replayed, and shows a payload that is not JSON as it is', () => {
    const text = formatDeadLetter(letter('7', { replayedAt: '2026-12-02T08:00:00.000Z', value: 'not json' }));
    expect(text).toMatch(/^Dead letter cms\.contacts\.v1\.dlt:0:7: replayed at 2026-12-02T08:00:00\.000Z\n/);
    expect(text).toMatch(/\npayload:\nnot json\n\(not JSON: shown as it is\)$/);
  });
});

describe('npm run dlt -- replay', () => {
  it('says where the event went and which group processes it again', () => {
    const waiting = letter('7');
    expect(formatReplay(waiting.id, planReplay([waiting], new Date('2026-12-02T08:00:00.000Z')), [waiting])).toBe(
      `Replayed cms.contacts.v1.dlt:0:7: back on cms.contacts.v1 (event ${EVENT}, replay 1), where consumer group meter-points.contacts ` +
        'processes it again; groups that applied it ignore it by its event id.',
    );
  });

  it('says when a letter was replayed already, and that it is replayed again harmlessly', () => {
    const replayed = letter('7', { replayedAt: '2026-12-02T08:00:00.000Z' });
    expect(formatReplay(replayed.id, planReplay([replayed], new Date('2026-12-03T08:00:00.000Z')), [replayed])).toBe(
      `cms.contacts.v1.dlt:0:7 was replayed already at 2026-12-02T08:00:00.000Z; replayed again, back on cms.contacts.v1 (event ${EVENT}, replay 2). ` +
        'A consumer group that applied the event since ignores it by its event id.',
    );
  });
});
