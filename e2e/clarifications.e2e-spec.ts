import { api, expectProblem, signIn, type ApiResponse } from './support/api';
import { contactUntil, loggedDtl, once404Passes } from './support/contacts';
import { unusedMeterPoints } from './support/meter-points';

/**
 * Clarification threads through the gateway (docs/domain.md "Investigation", "Transparency"): a
 * CDSP agent's DC to the originator and to the transporter, an OC dialogue between the transporter
 * and the shipper, on a DN's network and an IGT's; every message once and in order on the
 * contact's one screen; and nobody else learns that any of it exists. The shipper here is Lantern
 * Power & Gas (LPW), whose meter points no other e2e file uses.
 */
describe('Clarifications on a contact', () => {
  const [forDc, onDn, forMatrix] = unusedMeterPoints(__filename, { shipper: 'LPW', status: 'DE', network: 'DN', count: 3 });
  const [onIgt] = unusedMeterPoints(__filename, { shipper: 'LPW', status: 'DE', network: 'IGT', count: 1 });
  const asShipper = () => signIn('lpw.user');
  const asAgent = () => signIn('cds.agent');
  const logged = (mprn: string) => loggedDtl('lpw.user', mprn);

  const raise = async (token: string, crn: string, json: Record<string, unknown>) =>
    once404Passes(() => api('POST', `/api/v1/contacts/${crn}/clarifications`, { token, json }));
  const reply = (token: string, thread: ApiResponse, text: string) =>
    api('POST', `/api/v1/clarifications/${thread.body.id}/messages`, { token, json: { text }, headers: { 'if-match': thread.headers.get('etag')! } });
  const close = (token: string, thread: ApiResponse, reason: string) =>
    api('POST', `/api/v1/clarifications/${thread.body.id}/closure`, { token, json: { reason }, headers: { 'if-match': thread.headers.get('etag')! } });

  const threadEntries = (contact: any) =>
    contact.history
      .filter((entry: any) => entry.action.startsWith('CLARIFICATION_'))
      .map((entry: any) => [entry.action, entry.actorUserId, entry.detail.question ?? entry.detail.text ?? entry.detail.reason]);

  it("runs an agent's DC to the originator: answered by the shipper, closed by the agent, each step on the contact's one screen in order", async () => {
    const crn = await logged(forDc.mprn);
    const agent = await asAgent();
    const asked = await raise(agent, crn, { kind: 'DC', question: 'Please send a dated photo of the meter read.' });
    expect(asked.status).toBe(201);
    expect(asked.headers.get('location')).toBe(`/api/v1/clarifications/${asked.body.id}`);

    const waiting = await contactUntil('lpw.user', crn, (contact) => contact.waitingOn.length === 1);
    expect(waiting.waitingOn[0]).toMatchObject({ type: 'DC', id: asked.body.id, waitingOnOrganisationId: asked.body.addressedToOrganisationId, dueOn: asked.body.dueOn });
    const queue = await api('GET', '/api/v1/clarifications?waitingOnMe=true', { token: await asShipper() });
    expect(queue.body.items.map((thread: any) => thread.id)).toContain(asked.body.id);

    const answered = await reply(await asShipper(), asked, 'Photo taken today: read 04712, attached to our portal ticket 88.');
    expect(answered.status).toBe(200);
    const closed = await close(agent, answered, 'Evidence received.');
    expect(closed.body).toMatchObject({ status: 'CLOSED', closure: { cause: 'CLOSED_BY_PARTICIPANT', closedByUserId: 'cds.agent' } });

    const contact = await contactUntil('cds.agent', crn, (body) => body.history.some((entry: any) => entry.action === 'CLARIFICATION_CLOSED'));
    expect(threadEntries(contact)).toEqual([
      ['CLARIFICATION_RAISED', 'cds.agent', 'Please send a dated photo of the meter read.'],
      ['CLARIFICATION_MESSAGE', 'lpw.user', 'Photo taken today: read 04712, attached to our portal ticket 88.'],
      ['CLARIFICATION_CLOSED', 'cds.agent', 'Evidence received.'],
    ]);
    expect(contact.waitingOn).toEqual([]);
    // The clock paused while the DC waited on the originator, and resumed when it was answered.
    expect(contact.history.map((entry: any) => entry.action)).toEqual(['LOGGED', 'CLARIFICATION_RAISED', 'CLOCK_PAUSED', 'CLARIFICATION_MESSAGE', 'CLOCK_RESUMED', 'CLARIFICATION_CLOSED']);
  });

  describe.each([
    ['a DN', () => onDn],
    ['an IGT', () => onIgt],
  ])('on %s’s network', (_network, meterPoint) => {
    it('asks the transporter a DC, which involves it; the transporter then asks the shipper an OC over several turns and either side closes it', async () => {
      const { mprn, transporter } = meterPoint();
      const transporterUser = `${transporter.toLowerCase()}.user`;
      const crn = await logged(mprn);
      const agent = await asAgent();
      const dn = await signIn(transporterUser);
      expectProblem(await api('GET', `/api/v1/contacts/${crn}`, { token: dn }), 404, 'NOT_FOUND');

      const dc = await raise(agent, crn, { kind: 'DC', addressedTo: 'STAKEHOLDER', question: 'Do your records show a service valve at this address?' });
      expect(dc.body).toMatchObject({ addressedTo: 'STAKEHOLDER', waitingOnOrganisationId: dc.body.addressedToOrganisationId });
      // Asked, the transporter is involved: it sees the contact and every thread of it.
      await contactUntil(transporterUser, crn, (contact) => contact.waitingOn.length === 1);
      const answeredDc = await reply(dn, dc, 'Yes: valve fitted 2019, job 55120.');
      expect(answeredDc.status).toBe(200);

      const oc = await raise(dn, crn, { kind: 'OC', question: 'Can someone give access on Thursday morning?' });
      expect(oc.status).toBe(201);
      let turn = oc;
      for (const [userId, text] of [
        ['lpw.user', 'Yes, the tenant will be in from 9am.'],
        [transporterUser, 'Thank you. Is there a dog?'],
        ['lpw.user', 'No pets.'],
      ]) {
        turn = await reply(await signIn(userId), turn, text);
        expect(turn.status).toBe(200);
      }
      // Either side closes: the transporter on the DN's network, the shipper on the IGT's.
      const closer = meterPoint() === onDn ? transporterUser : 'lpw.user';
      const closed = await close(await signIn(closer), turn, 'Access agreed for Thursday.');
      expect(closed.body).toMatchObject({ status: 'CLOSED', closure: { closedByUserId: closer } });

      const contact = await contactUntil('lpw.user', crn, (body) => body.history.filter((entry: any) => entry.action === 'CLARIFICATION_MESSAGE').length === 4 && body.history.some((entry: any) => entry.action === 'CLARIFICATION_CLOSED'));
      expect(threadEntries(contact)).toEqual([
        ['CLARIFICATION_RAISED', 'cds.agent', 'Do your records show a service valve at this address?'],
        ['CLARIFICATION_MESSAGE', transporterUser, 'Yes: valve fitted 2019, job 55120.'],
        ['CLARIFICATION_RAISED', transporterUser, 'Can someone give access on Thursday morning?'],
        ['CLARIFICATION_MESSAGE', 'lpw.user', 'Yes, the tenant will be in from 9am.'],
        ['CLARIFICATION_MESSAGE', transporterUser, 'Thank you. Is there a dog?'],
        ['CLARIFICATION_MESSAGE', 'lpw.user', 'No pets.'],
        ['CLARIFICATION_CLOSED', closer, 'Access agreed for Thursday.'],
      ]);
      expect(contact.history.filter((entry: any) => entry.action === 'PARTICIPANTS_CHANGED')).toHaveLength(1);
      // Everyone involved reads both threads of the contact.
      for (const userId of ['lpw.user', transporterUser, 'cds.agent']) {
        const threads = await api('GET', `/api/v1/contacts/${crn}/clarifications`, { token: await signIn(userId) });
        expect(threads.body.items.map((thread: any) => thread.kind)).toEqual(['DC', 'OC']);
      }
    });
  });

  describe('nobody else learns the threads exist', () => {
    let crn: string;
    let thread: ApiResponse;

    beforeAll(async () => {
      crn = await logged(forMatrix.mprn);
      thread = await raise(await asAgent(), crn, { kind: 'DC', question: 'Is the meter still on the wall?' });
      expect(thread.status).toBe(201);
    });

    const NO_SUCH_THREAD = '00000000-0000-4000-8000-000000000000';
    const otherDn = () => (forMatrix.transporter === 'NGN' ? 'sgn.user' : 'ngn.user');

    it.each([
      ['a third shipper', () => 'tgs.user'],
      ['another DN', otherDn],
      ['an IGT', () => 'nfg.user'],
      ['the meter point’s own transporter, not asked', () => `${forMatrix.transporter.toLowerCase()}.user`],
    ])('%s gets 404 on every route, exactly as for a thread that does not exist', async (_who, userOf) => {
      const token = await signIn(userOf());
      const headers = { 'if-match': '"1"' };
      const answers = [
        await api('GET', `/api/v1/contacts/${crn}/clarifications`, { token }),
        await api('POST', `/api/v1/contacts/${crn}/clarifications`, { token, json: { kind: 'OC', question: 'Anything?' } }),
        await api('GET', `/api/v1/clarifications/${thread.body.id}`, { token }),
        await api('POST', `/api/v1/clarifications/${thread.body.id}/messages`, { token, json: { text: 'Hello?' }, headers }),
        await api('POST', `/api/v1/clarifications/${thread.body.id}/closure`, { token, json: { reason: 'Done.' }, headers }),
      ];
      const missing = await api('GET', `/api/v1/clarifications/${NO_SUCH_THREAD}`, { token });
      for (const answer of answers) {
        expectProblem(answer, 404, 'NOT_FOUND');
        expect(answer.body.detail).toBe(missing.body.detail);
      }
      const listed = await api('GET', `/api/v1/clarifications?crn=${crn}`, { token });
      expect(listed.body).toEqual({ items: [], nextCursor: null });
      const unchanged = await api('GET', `/api/v1/clarifications/${thread.body.id}`, { token: await asShipper() });
      expect(unchanged.body).toMatchObject({ version: 1, messages: [expect.anything()] });
    });
  });
});
