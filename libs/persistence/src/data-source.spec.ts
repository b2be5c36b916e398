import { isDatabaseUnavailable } from './data-source';

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a server shutting down (57P01), wrapped by TypeORM', Object.assign(new Error('terminating connection due to administrator command'), { driverError: { code: '57P01' } })],
    ['a connection lost mid-query', new Error('Connection terminated unexpectedly')],
    // The pool can hand out a client whose socket died in the same tick (PostgreSQL restarting); pg
    // refuses the query with this message and no code, and TypeORM wraps it.
    ['a pooled client whose connection had just failed', Object.assign(new Error('Client has encountered a connection error and is not queryable'), { name: 'QueryFailedError', driverError: new Error('Client has encountered a connection error and is not queryable') })],
    ['a server still starting (57P03)', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['a query on a connection the pool already took back', Object.assign(new Error('Database connection provided by a query runner was already released, cannot continue to use its querying methods anymore.'), { name: 'QueryRunnerProviderAlreadyReleasedError' })],
    ['a transaction whose connection was already released', Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), { name: 'QueryRunnerAlreadyReleasedError' })],
  ])('is true for %s', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a syntax error', Object.assign(new Error('syntax error at or near "SELEC"'), { code: '42601' })],
    ['a unique violation', Object.assign(new Error('duplicate key value'), { code: '23505', driverError: { code: '23505' } })],
    ['a non-error', 'boom'],
  ])('is false for %s', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
