import { ApiProblem } from './problem';

describe('ApiProblem', () => {
  it('takes the message, trace id and errors of problem details', () => {
    const problem = ApiProblem.from(
      {
        type: 'urn:cms:problem:contact-rejected',
        title: 'Contact rejected',
        status: 422,
        code: 'CONTACT_REJECTED',
        detail: 'The contact was not logged: 3 reason(s), listed in errors.',
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        errors: [
          { code: 'STATUS_NOT_DEAD', message: 'A Dead to Live contact needs a Dead meter point.', field: 'mprn' },
          {
            code: 'MANDATORY_FIELD',
            message: 'The read date is in the future.',
            field: 'dtlEvidence.meterRead.readDate',
          },
          { code: 'NOT_REGISTERED_SHIPPER', message: 'Your organisation is not the registered shipper.' },
        ],
      },
      422,
    );
    expect([problem.status, problem.code, problem.message, problem.traceId]).toEqual([
      422,
      'CONTACT_REJECTED',
      'The contact was not logged: 3 reason(s), listed in errors.',
      '4bf92f3577b34da6a3ce929d0e0e4736',
    ]);
    expect(Object.fromEntries(problem.byField())).toEqual({
      mprn: ['A Dead to Live contact needs a Dead meter point.'],
      'dtlEvidence.meterRead.readDate': ['The read date is in the future.'],
    });
  });

  it('falls back to the title when there is no detail', () => {
    expect(ApiProblem.from({ type: 't', title: 'Not found', status: 404, code: 'NOT_FOUND' }, 404).message).toBe(
      'Not found',
    );
  });

  it('turns any other answer into a problem with its status and no trace id', () => {
    const problem = ApiProblem.from('<html>Bad gateway</html>', 502);
    expect([problem.status, problem.code, problem.traceId, problem.errors]).toEqual([
      502,
      'UNEXPECTED_ANSWER',
      undefined,
      [],
    ]);
    expect(problem.message).toContain('502');
  });
});
