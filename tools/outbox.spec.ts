import { formatParked, parseOutboxCommand } from './outbox';
import { UsageError } from './operator-command';

const ID = '0193a6f2-7c1e-7d3a-9b1f-2c3d4e5f6a7b';
const URL = 'postgres://cms:secret@db:5432/cms_contact_logging';

describe('npm run outbox: the command line', () => {
  it('reads parked, requeue <id> and requeue --all against DATABASE_URL', () => {
    expect(parseOutboxCommand(['parked'], { DATABASE_URL: URL })).toEqual({ action: 'parked', database: { url: URL } });
    expect(parseOutboxCommand(['requeue', ID], { DATABASE_URL: URL })).toEqual({ action: 'requeue', id: ID, database: { url: URL } });
    expect(parseOutboxCommand(['requeue', '--all'], { DATABASE_URL: URL })).toEqual({ action: 'requeue-all', database: { url: URL } });
  });

  it('takes --service for the local stack, before DATABASE_URL', () => {
    expect(parseOutboxCommand(['parked', '--service', 'contact-logging'], {})).toEqual({ action: 'parked', database: { service: 'contact-logging' } });
    expect(parseOutboxCommand(['--service=meter-points', 'requeue', ID.toUpperCase()], { DATABASE_URL: URL })).toEqual({
      action: 'requeue',
      id: ID,
      database: { service: 'meter-points' },
    });
  });

  it('answers --help with the usage', () => {
    expect(parseOutboxCommand(['--help'], {})).toEqual({ action: 'help' });
    expect(parseOutboxCommand(['-h'], {})).toEqual({ action: 'help' });
  });

  it.each([
    [[], { DATABASE_URL: URL }, 'no command given'],
    [['park'], { DATABASE_URL: URL }, 'unknown command "park"'],
    [['parked', 'extra'], { DATABASE_URL: URL }, 'parked takes no further arguments'],
    [['requeue'], { DATABASE_URL: URL }, 'requeue takes one outbox message id, or --all'],
    [['requeue', ID, '--all'], { DATABASE_URL: URL }, 'requeue takes one outbox message id, or --all'],
    [['requeue', ID, ID], { DATABASE_URL: URL }, 'requeue takes one outbox message id, or --all'],
    [['requeue', '42'], { DATABASE_URL: URL }, '"42" is not an outbox message id'],
    [['parked'], {}, 'which database?'],
    [['parked'], { DATABASE_URL: '  ' }, 'which database?'],
    [['parked', '--service', 'Contact Logging'], {}, 'is not a service name'],
    [['parked', '--service'], {}, "argument missing"],
    [['parked', '--verbose'], { DATABASE_URL: URL }, "Unknown option '--verbose'"],
  ])('refuses %j (%j) as a usage error: %s', (argv, env, message) => {
    expect(() => parseOutboxCommand(argv, env)).toThrow(UsageError);
    expect(() => parseOutboxCommand(argv, env)).toThrow(message);
  });
});

describe('npm run outbox -- parked: the table', () => {
  it('lines the columns up, the error last and on one line', () => {
    const createdAt = new Date('2026-12-01T10:00:00.000Z');
    const table = formatParked([
      { id: ID, topic: 'cms.contacts.v1', key: 'C000000001', createdAt, parkedAt: createdAt, attempts: 5, lastError: 'MESSAGE_TOO_LARGE: too\nlarge' },
      { id: ID, topic: 't', key: 'k', createdAt, parkedAt: createdAt, attempts: 12, lastError: null },
    ]);
    expect(table.split('\n')).toEqual([
      'id                                    topic            key         created                   attempts  last error',
      `${ID}  cms.contacts.v1  C000000001  2026-12-01T10:00:00.000Z  5         MESSAGE_TOO_LARGE: too large`,
      `${ID}  t                k           2026-12-01T10:00:00.000Z  12`,
    ]);
  });
});
