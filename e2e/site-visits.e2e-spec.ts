import { demoOrganisation, DN_SHORT_CODES, demoOrganisations, generateDemoMeterPoints } from '@cms/demo-data';
import { findLdz, londonToday } from '@cms/gas-market';
import { api, dtl, expectProblem, signIn, type ApiResponse } from './support/api';
import { contactUntil, once404Passes } from './support/contacts';
import { unusedMeterPoints } from './support/meter-points';

/**
 * A contact investigated with a site visit, through the gateway (docs/domain.md "Investigation",
 * "Outcome", "Transparency"): a CDSP agent refers it to the meter point's transporter (the IGT
 * whose network it is on, else the LDZ's DN), which accepts or declines and reports its finding; the
 * agent resolves on it and the register (another service, told by event) takes the requested status.
 * Nobody else learns that the visit exists. Its contacts are Oakleaf Energy's (OAK), on Dead meter
 * points no other file names.
 */
describe('A contact investigated with a site visit', () => {
  const NO_SUCH_CRN = 'C999999999';
  const NO_SUCH_VISIT = '0193a7b0-0000-7000-8000-000000000000';
  const [forValid, forDecline, forInvalid, forMatrix] = unusedMeterPoints(__filename, { shipper: 'OAK', status: 'DE', network: 'DN', count: 4 });
  const [onIgt] = unusedMeterPoints(__filename, { shipper: 'OAK', status: 'DE', network: 'IGT', count: 1 });
  /** A transporter's working user (TRANSPORTER_USER), and its organisation's id. */
  const userOf = (shortCode: string) => `${shortCode.toLowerCase()}.user`;
  const idOf = (shortCode: string) => demoOrganisation(shortCode).id;
  /** The DN of the LDZ the IGT-networked meter point is in: not its transporter. */
  const ldzDnOfIgtPoint = DN_SHORT_CODES[findLdz(generateDemoMeterPoints().find((point) => point.mprn === onIgt.mprn)!.ldz)!.dn];
  const otherDn = demoOrganisations().find((organisation) => organisation.type === 'DN' && organisation.shortCode !== forMatrix.transporter)!;
  const otherIgt = demoOrganisations().find((organisation) => organisation.type === 'IGT' && organisation.shortCode !== onIgt.transporter)!;

  const asShipper = () => signIn('oak.user');
  const asAgent = () => signIn('cds.agent');

  /** Logged by OAK and taken for investigation by the CDSP agent; its CRN. */
  async function loggedAndTaken(mprn: string): Promise<string> {
    const logged = await api('POST', '/api/v1/contacts', { token: await asShipper(), json: dtl(mprn) });
    expect(logged.status).toBe(201);
    const taken = await api('POST', `/api/v1/contacts/${logged.body.crn}/assign`, { token: await asAgent(), json: {}, headers: { 'if-match': '"1"' } });
    expect(taken.body).toMatchObject({ status: 'UNDER_INVESTIGATION' });
    return logged.body.crn;
  }

  /**
   * POST /contacts/{crn}/site-visits as the agent, once the service has the contact (it learns of it
   * by event, from contact-logging: until then the contact is unknown to it, 404).
   */
  async function refer(crn: string): Promise<ApiResponse> {
    const token = await asAgent();
    return once404Passes(() => api('POST', `/api/v1/contacts/${crn}/site-visits`, { token, json: { instructions: 'Check whether gas is flowing.' } }));
  }

  function answer(token: string, id: string, version: number, json: unknown): Promise<ApiResponse> {
    return api('POST', `/api/v1/site-visits/${id}/acceptance`, { token, json, headers: { 'if-match': `"${version}"` } });
  }

  function report(token: string, id: string, version: number, confirmed: boolean): Promise<ApiResponse> {
    const json = { confirmed, visitedOn: londonToday(), notes: confirmed ? 'Meter in use, dials advancing.' : 'Service pipe cut off at the boundary.', meterSerialNumber: 'G4A-1', meterRead: '04530' };
    return api('POST', `/api/v1/site-visits/${id}/finding`, { token, json, headers: { 'if-match': `"${version}"` } });
  }

  /** The ids of every visit `GET /site-visits?query` lists to the caller, page after page. */
  async function listed(token: string, query: string): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ApiResponse = await api('GET', `/api/v1/site-visits?${query}&limit=100${cursor ? `&cursor=${cursor}` : ''}`, { token });
      expect(page.status).toBe(200);
      ids.push(...page.body.items.map((visit: { id: string }) => visit.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    return ids;
  }

  const actions = (contact: { history: { action: string }[] }) => contact.history.map((entry) => entry.action);

  async function resolve(crn: string, outcome: 'VALID' | 'INVALID', reasonCode: string): Promise<ApiResponse> {
    const agent = await asAgent();
    const current = await api('GET', `/api/v1/contacts/${crn}`, { token: agent });
    return api('POST', `/api/v1/contacts/${crn}/resolution`, {
      token: agent,
      json: { outcome, reasonCode, note: 'Decided on the site visit’s finding.' },
      headers: { 'if-match': `"${current.body.version}"` },
    });
  }

  async function registerStatus(mprn: string): Promise<string> {
    const { status, body } = await api('GET', `/api/v1/meter-points/${mprn}`, { token: await asAgent() });
    expect(status).toBe(200);
    return body.status.code;
  }

  it('referral → acceptance → finding confirmed → the agent resolves VALID → the register sets the meter point Live', async () => {
    const crn = await loggedAndTaken(forValid.mprn);

    const referred = await refer(crn);
    expect(referred.status).toBe(201);
    expect(referred.body).toMatchObject({ crn, transporterOrganisationId: idOf(forValid.transporter), confirmStatus: 'LI', status: 'REFERRED' });
    expect(referred.body.details).toMatchObject({ originatorContact: { name: 'Amelia Hart' }, supplyAddress: expect.objectContaining({ postcode: expect.any(String) }) });
    const id = referred.body.id;

    const dn = await signIn(userOf(forValid.transporter));
    expect(await listed(dn, `status=REFERRED&dueFrom=${referred.body.dueOn}&dueTo=${referred.body.dueOn}`)).toContain(id);
    // The transporter is a stakeholder of the contact now: it reads the contact, waiting on it.
    expect(await contactUntil(userOf(forValid.transporter), crn, (contact) => contact.waitingOn.some((item: { type: string }) => item.type === 'SV'))).toMatchObject({ crn });

    const accepted = await answer(dn, id, 1, { accepted: true });
    expect(accepted.body).toMatchObject({ status: 'ACCEPTED', version: 2 });
    const reported = await report(dn, id, 2, true);
    expect(reported.body).toMatchObject({ status: 'FINDING_REPORTED', finding: { confirmed: true } });

    const found = await contactUntil('cds.agent', crn, (contact) => actions(contact).includes('SITE_VISIT_FINDING') && contact.waitingOn.length === 0);
    expect(actions(found)).toEqual(expect.arrayContaining(['SITE_VISIT_REFERRED', 'SITE_VISIT_ACCEPTED', 'SITE_VISIT_FINDING']));
    expect((await resolve(crn, 'VALID', 'GAS_FLOW_CONFIRMED')).body).toMatchObject({ status: 'RESOLVED', outcome: 'VALID' });
    expect((await contactUntil('cds.agent', crn, (contact) => contact.meterPointStatusAfter !== null)).meterPointStatusAfter).toBe('LI');
    expect(await registerStatus(forValid.mprn)).toBe('LI');
  });

  it('a declined referral returns to the agent with its reason, who may refer the contact again', async () => {
    const crn = await loggedAndTaken(forDecline.mprn);
    const { body: visit } = await refer(crn);

    const declined = await answer(await signIn(userOf(forDecline.transporter)), visit.id, 1, { accepted: false, reason: 'No access: the property is boarded up.' });

    expect(declined.body).toMatchObject({ status: 'DECLINED', acceptance: { accepted: false, reason: 'No access: the property is boarded up.' } });
    const returned = await contactUntil('cds.agent', crn, (contact) => actions(contact).includes('SITE_VISIT_DECLINED'));
    expect(returned.waitingOn).toEqual([]);
    const again = await refer(crn);
    expect(again.body).toMatchObject({ status: 'REFERRED', transporterOrganisationId: idOf(forDecline.transporter) });
    expectProblem(await refer(crn), 409, 'SITE_VISIT_ALREADY_OPEN');
  });

  it('a finding that does not confirm the requested status → the agent resolves INVALID and the register stays Dead', async () => {
    const crn = await loggedAndTaken(forInvalid.mprn);
    const { body: visit } = await refer(crn);
    const dn = await signIn(userOf(forInvalid.transporter));
    await answer(dn, visit.id, 1, { accepted: true });

    const reported = await report(dn, visit.id, 2, false);

    expect(reported.body).toMatchObject({ status: 'FINDING_REPORTED', finding: { confirmed: false } });
    await contactUntil('cds.agent', crn, (contact) => actions(contact).includes('SITE_VISIT_FINDING'));
    expect((await resolve(crn, 'INVALID', 'SITE_VISIT_NOT_CONFIRMED')).body).toMatchObject({ status: 'RESOLVED', outcome: 'INVALID' });
    expect(await registerStatus(forInvalid.mprn)).toBe('DE');
  });

  it('goes to the IGT whose network the meter point is on, not the LDZ’s DN', async () => {
    const crn = await loggedAndTaken(onIgt.mprn);

    const referred = await refer(crn);

    expect(referred.body).toMatchObject({ transporterOrganisationId: idOf(onIgt.transporter), status: 'REFERRED' });
    expectProblem(await api('GET', `/api/v1/site-visits/${referred.body.id}`, { token: await signIn(userOf(ldzDnOfIgtPoint)) }), 404, 'NOT_FOUND');
    const accepted = await answer(await signIn(userOf(onIgt.transporter)), referred.body.id, 1, { accepted: true });
    expect(accepted.body).toMatchObject({ status: 'ACCEPTED' });
  });

  describe('to an organisation not involved', () => {
    let crn: string;
    let id: string;

    beforeAll(async () => {
      crn = await loggedAndTaken(forMatrix.mprn);
      const referred = await refer(crn);
      expect(referred.status).toBe(201);
      id = referred.body.id;
    });

    /** A problem's body without what differs on every request (its trace) or names the path asked. */
    function withoutRequestIdentity(response: ApiResponse): unknown {
      const { traceId: _traceId, instance: _instance, ...rest } = response.body as Record<string, unknown>;
      return { status: response.status, contentType: response.headers.get('content-type'), body: rest };
    }

    const routes = (visit: string, contact: string): [string, string, unknown?][] => [
      ['GET', `/api/v1/site-visits/${visit}`],
      ['GET', `/api/v1/contacts/${contact}/site-visits`],
      ['POST', `/api/v1/contacts/${contact}/site-visits`, {}],
      ['POST', `/api/v1/site-visits/${visit}/acceptance`, { accepted: true }],
      ['POST', `/api/v1/site-visits/${visit}/finding`, { confirmed: true, visitedOn: londonToday(), notes: 'Seen.' }],
    ];

    describe.each([
      ['a third shipper', 'tgs.user'],
      ['another DN', userOf(otherDn.shortCode)],
      ['an IGT', userOf(otherIgt.shortCode)],
    ])('%s (%s)', (_who, userId) => {
      it('gets 404 on every site visit route, exactly as for a visit or contact that does not exist, and changes nothing', async () => {
        const token = await signIn(userId);
        const hidden = routes(id, crn);
        const missing = routes(NO_SUCH_VISIT, NO_SUCH_CRN);

        for (const [index, [method, path, json]] of hidden.entries()) {
          const [missingMethod, missingPath, missingJson] = missing[index];
          const answered = await api(method, path, { token, json, headers: { 'if-match': '"1"' } });
          const none = await api(missingMethod, missingPath, { token, json: missingJson, headers: { 'if-match': '"1"' } });
          expectProblem(answered, 404, 'NOT_FOUND');
          expect(withoutRequestIdentity(answered)).toEqual(withoutRequestIdentity(none));
        }
        expect(await listed(token, 'status=REFERRED')).not.toContain(id);
        const seen = await api('GET', `/api/v1/site-visits/${id}`, { token: await asAgent() });
        expect(seen.body).toMatchObject({ status: 'REFERRED', version: 1 });
      });
    });
  });
});
