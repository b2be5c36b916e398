import { HttpException } from '@nestjs/common';
import { toProblem } from './problem-details.filter';
import { ProblemException } from './problem.exception';

describe('toProblem', () => {
  it('keeps a designed error as it is, with its errors', () => {
    const problem = toProblem(new ProblemException(422, 'CONTACT_REJECTED', 'Contact rejected', 'x', [{ code: 'MPRN_FORMAT', message: 'm', field: 'mprn' }]), '/api/v1/contacts');
    expect(problem).toEqual(expect.objectContaining({ status: 422, code: 'CONTACT_REJECTED', instance: '/api/v1/contacts', errors: [{ code: 'MPRN_FORMAT', message: 'm', field: 'mprn' }] }));
  });

  it('tells broken JSON from valid JSON that is not an object', () => {
    const broken = Object.assign(new Error('Unexpected end'), { type: 'entity.parse.failed', status: 400, body: '{"a": ' });
    const scalar = Object.assign(new Error('strict'), { type: 'entity.parse.failed', status: 400, body: '"AAA"' });
    expect(toProblem(broken).code).toBe('MALFORMED_JSON');
    expect(toProblem(scalar).code).toBe('BODY_NOT_OBJECT');
  });

  it('answers 413 for a body over the limit and 503 when the database is unreachable', () => {
    expect(toProblem(Object.assign(new Error('too large'), { type: 'entity.too.large', status: 413 })).status).toBe(413);
    expect(toProblem(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })).status).toBe(503);
  });

  it('never shows the message of an unexpected error', () => {
    const problem = toProblem(new Error('secret internals at /srv/app.js:1'));
    expect(problem).toEqual(expect.objectContaining({ status: 500, code: 'INTERNAL_ERROR' }));
    expect(JSON.stringify(problem)).not.toContain('secret internals');
  });

  it('maps framework HTTP errors to stable codes', () => {
    expect(toProblem(new HttpException('nope', 401)).code).toBe('UNAUTHENTICATED');
    expect(toProblem(new HttpException('nope', 403)).code).toBe('FORBIDDEN');
  });
});
