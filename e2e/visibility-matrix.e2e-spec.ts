import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { demoOrganisation, demoShowcase, generateDemoMeterPoints } from '@cms/demo-data';
import { api, dtl, expectProblem, signIn, type ApiResponse } from './support/api';

/**
 * Who can see a contact (domain.md "Transparency"): the originator's organisation, the transporter
 * once referred, and CDSP agents; "nobody else can see that a contact exists". Every contact route
 * that takes an id is called by each kind of organisation (docs/quality.md "Security"): an
 * uninvolved one gets exactly what it would get for a CRN that does not exist.
 */
describe('Contact visibility matrix', () => {
  const NO_SUCH_CRN = 'C999999999';
  let crn: string;
  let mprn: string;

  /**
   * A Dead meter point registered to BWE on Cadent's network that no other end-to-end test
   * mentions (they share one stack, and a meter point takes one open contact): the last such one
   * in the demo register, skipping the showcase and every MPRN written in another e2e file.
   */
  function unusedDeadBweCadentMeterPoint(): string {
    const taken = new Set(demoShowcase().map((point) => point.mprn));
    for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.ts') && name !== basename(__filename))) {
      for (const digits of readFileSync(`${__dirname}/${file}`, 'utf8').match(/\d{6,10}/g) ?? []) taken.add(digits);
    }
    const candidates = generateDemoMeterPoints().filter(
      (point) =>
        point.status === 'DE' &&
        point.registeredShipperId === demoOrganisation('BWE').id &&
        point.transporterId === demoOrganisation('CAD').id &&
        !taken.has(point.mprn),
    );
    const chosen = candidates[candidates.length - 1];
    if (!chosen) throw new Error('the demo register has no unused Dead BWE meter point on Cadent’s network');
    return chosen.mprn;
  }

  beforeAll(async () => {
    mprn = unusedDeadBweCadentMeterPoint();
    const logged = await api('POST', '/api/v1/contacts', { token: await signIn('bwe.user'), json: dtl(mprn) });
    expect(logged.status).toBe(201);
    crn = logged.body.crn;
  });

  /** A problem's body without what differs on every request (its trace) or names the path asked. */
  function withoutRequestIdentity(response: ApiResponse): unknown {
    const { traceId: _traceId, instance: _instance, ...rest } = response.body as Record<string, unknown>;
    return { status: response.status, contentType: response.headers.get('content-type'), body: rest };
  }

  describe.each([
    ['another shipper', 'tgs.user'],
    ["another shipper's LSO", 'tgs.lso'],
    ['a DN that is not the meter point’s transporter', 'ngn.user'],
    ['an IGT', 'mpl.user'],
    // The meter point's own transporter becomes involved only once the contact is referred to it
    // (site visits, a later slice); until then it is as uninvolved as anyone else.
    ['the meter point’s transporter (Cadent), not yet referred', 'cad.user'],
  ])('%s (%s)', (_who, userId) => {
    it('gets 404 for the contact, exactly as for a CRN that does not exist', async () => {
      const token = await signIn(userId);

      const hidden = await api('GET', `/api/v1/contacts/${crn}`, { token });
      const missing = await api('GET', `/api/v1/contacts/${NO_SUCH_CRN}`, { token });

      expectProblem(hidden, 404, 'NOT_FOUND');
      expectProblem(missing, 404, 'NOT_FOUND');
      expect(withoutRequestIdentity(hidden)).toEqual(withoutRequestIdentity(missing));
      expect(JSON.stringify(hidden.body)).not.toContain(mprn);
    });

    it.each([
      ['assign', {}],
      ['resolution', { outcome: 'INVALID', reasonCode: 'INSUFFICIENT_EVIDENCE' }],
      ['withdrawal', { reason: 'Not ours.' }],
    ])('gets 404 for POST .../%s on it, exactly as for a CRN that does not exist, and changes nothing', async (command, json) => {
      const token = await signIn(userId);
      const headers = { 'if-match': '"1"' };

      const hidden = await api('POST', `/api/v1/contacts/${crn}/${command}`, { token, json, headers });
      const missing = await api('POST', `/api/v1/contacts/${NO_SUCH_CRN}/${command}`, { token, json, headers });

      expectProblem(hidden, 404, 'NOT_FOUND');
      expect(withoutRequestIdentity(hidden)).toEqual(withoutRequestIdentity(missing));
      const seen = await api('GET', `/api/v1/contacts/${crn}`, { token: await signIn('bwe.user') });
      expect(seen.body).toMatchObject({ status: 'LOGGED', version: 1 });
    });

    it('gets an empty page when it filters the list by the CRN or by the meter point, exactly as for ones that do not exist', async () => {
      const token = await signIn(userId);

      const byCrn = await api('GET', `/api/v1/contacts?crn=${crn}`, { token });
      const byMissingCrn = await api('GET', `/api/v1/contacts?crn=${NO_SUCH_CRN}`, { token });
      const byMprn = await api('GET', `/api/v1/contacts?mprn=${mprn}`, { token });

      expect({ status: byCrn.status, body: byCrn.body }).toEqual({ status: 200, body: { items: [], nextCursor: null } });
      expect({ status: byCrn.status, body: byCrn.body }).toEqual({ status: byMissingCrn.status, body: byMissingCrn.body });
      expect({ status: byMprn.status, body: byMprn.body }).toEqual({ status: 200, body: { items: [], nextCursor: null } });
    });
  });

  describe.each([
    ['the originator’s contact user', 'bwe.user'],
    ['the originator’s LSO', 'bwe.lso'],
    ['a CDSP agent', 'cds.agent'],
  ])('%s (%s)', (_who, userId) => {
    it('gets the contact with its history', async () => {
      const response = await api('GET', `/api/v1/contacts/${crn}`, { token: await signIn(userId) });

      expect(response.status).toBe(200);
      expect(response.body).toEqual(
        expect.objectContaining({ crn, mprn, status: 'LOGGED', history: [expect.objectContaining({ action: 'LOGGED' })] }),
      );
    });

    it('finds it in the list by its CRN and by its meter point', async () => {
      const token = await signIn(userId);

      const byCrn = await api('GET', `/api/v1/contacts?crn=${crn}`, { token });
      const byMprn = await api('GET', `/api/v1/contacts?mprn=${mprn}`, { token });

      expect({ status: byCrn.status, crns: byCrn.body.items.map((item: { crn: string }) => item.crn) }).toEqual({ status: 200, crns: [crn] });
      expect({ status: byMprn.status, crns: byMprn.body.items.map((item: { crn: string }) => item.crn) }).toEqual({ status: 200, crns: [crn] });
    });
  });
});

/**
 * A Dead BWE meter point no other test file names, off Cadent's network (the contact matrix takes the
 * last on Cadent's), the last such (contact-lifecycle takes the first).
 */
function unusedMeterPointForSupervisor(): string {
  const taken = new Set(demoShowcase().map((point) => point.mprn));
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.ts') && name !== basename(__filename))) {
    for (const digits of readFileSync(`${__dirname}/${file}`, 'utf8').match(/\d{6,10}/g) ?? []) taken.add(digits);
  }
  const candidates = generateDemoMeterPoints().filter(
    (point) =>
      point.status === 'DE' &&
      point.registeredShipperId === demoOrganisation('BWE').id &&
      point.transporterId !== demoOrganisation('CAD').id &&
      !taken.has(point.mprn),
  );
  return candidates[candidates.length - 1].mprn;
}

/**
 * The administration routes that take an id, called by the LSO of an organisation of each type
 * that does not own the resource: each gets exactly what it would get for an id that does not
 * exist. The owning organisation's LSO succeeds.
 */
describe('Administration visibility matrix', () => {
  let clientId: string;

  beforeAll(async () => {
    const registered = await api('POST', '/api/v1/api-clients', { token: await signIn('bwe.lso'), json: { name: 'Matrix client', scopes: ['contacts:read'] } });
    expect(registered.status).toBe(201);
    clientId = registered.body.clientId;
  });

  const withoutRequestIdentity = (response: ApiResponse) => {
    const { traceId: _traceId, instance: _instance, ...rest } = response.body as Record<string, unknown>;
    return { status: response.status, body: rest };
  };

  describe.each([
    ['another shipper’s LSO', 'tgs.lso'],
    ['a DN’s LSO', 'ngn.lso'],
    ['an IGT’s LSO', 'mpl.lso'],
  ])('%s (%s)', (_who, lso) => {
    it('changing another organisation’s user is a 404, as for a user that does not exist', async () => {
      const token = await signIn(lso);
      const hidden = await api('PATCH', '/api/v1/users/bwe.user', { token, json: { roles: ['CONTACT_USER'] } });
      const missing = await api('PATCH', '/api/v1/users/no.such.user', { token, json: { roles: ['CONTACT_USER'] } });

      expectProblem(hidden, 404, 'NOT_FOUND');
      expect(withoutRequestIdentity(hidden)).toEqual(withoutRequestIdentity(missing));
    });

    it('reading another organisation’s user is a 404, as for a user that does not exist', async () => {
      const token = await signIn(lso);
      const hidden = await api('GET', '/api/v1/users/bwe.user', { token });
      const missing = await api('GET', '/api/v1/users/no.such.user', { token });

      expectProblem(hidden, 404, 'NOT_FOUND');
      expect(withoutRequestIdentity(hidden)).toEqual(withoutRequestIdentity(missing));
    });

    it('resetting another organisation’s user’s password is a 404, as for a user that does not exist', async () => {
      const token = await signIn(lso);
      const hidden = await api('POST', '/api/v1/users/bwe.user/password-reset', { token });
      const missing = await api('POST', '/api/v1/users/no.such.user/password-reset', { token });

      expectProblem(hidden, 404, 'NOT_FOUND');
      expect(withoutRequestIdentity(hidden)).toEqual(withoutRequestIdentity(missing));
    });

    it('revoking another organisation’s API client is a 404, as for a client that does not exist', async () => {
      const token = await signIn(lso);
      const hidden = await api('DELETE', `/api/v1/api-clients/${clientId}`, { token });
      const missing = await api('DELETE', '/api/v1/api-clients/00000000-0000-4000-8000-000000000000', { token });

      expectProblem(hidden, 404, 'NOT_FOUND');
      expect(withoutRequestIdentity(hidden)).toEqual(withoutRequestIdentity(missing));
    });
  });

  it('a supervisor gives its organisation’s side of a contact to a colleague, and is refused a user of another organisation', async () => {
    const logged = await api('POST', '/api/v1/contacts', { token: await signIn('bwe.user'), json: dtl(unusedMeterPointForSupervisor()) });
    expect(logged.status).toBe(201);
    const supervisor = await signIn('bwe.lso'); // demo LSOs are also SUPERVISORs
    const headers = { 'if-match': '"1"' };

    const foreign = await api('POST', `/api/v1/contacts/${logged.body.crn}/assign`, { token: supervisor, json: { assigneeUserId: 'tgs.user' }, headers });
    expectProblem(foreign, 422, 'UNKNOWN_ASSIGNEE');
    const given = await api('POST', `/api/v1/contacts/${logged.body.crn}/assign`, { token: supervisor, json: { assigneeUserId: 'bwe.user' }, headers });
    expect(given.status).toBe(200);
    expect(given.body.handlers).toEqual([{ organisationId: demoOrganisation('BWE').id, userId: 'bwe.user' }]);
  });

  it('the owning organisation’s LSO changes its user and revokes its client', async () => {
    const token = await signIn('bwe.lso');

    const changed = await api('PATCH', '/api/v1/users/bwe.user', { token, json: { roles: ['CONTACT_USER'] } });
    const revoked = await api('DELETE', `/api/v1/api-clients/${clientId}`, { token });

    expect([changed.status, revoked.status]).toEqual([200, 204]);
  });
});
