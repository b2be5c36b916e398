import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { demoOrganisation, demoShowcase, generateDemoMeterPoints } from '@cms/demo-data';
import { api, dtl, expectProblem, isoToDead, isoToLive, signIn, type ApiResponse } from './support/api';
import { contactUntil } from './support/contacts';

/**
 * A contact worked to its outcome through the gateway (docs/domain.md "Investigation", "Outcome",
 * "Lifecycle (PD)"): logged by a shipper, taken by a CDSP agent, resolved; on VALID the register
 * (another service, told by event) sets the requested status and a second contact on the meter
 * point is judged against it; withdrawal by the originator; stale versions and illegal moves.
 */
describe('A contact worked to its outcome', () => {
  /**
   * Demo meter points registered to BWE with this status that no other end-to-end test names (they
   * share one stack, and a meter point takes one open contact), from the start of the register:
   * the visibility matrix takes its own from the end.
   */
  function unusedBweMeterPoints(status: string, count: number): string[] {
    const taken = new Set(demoShowcase().map((point) => point.mprn));
    for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.ts') && name !== basename(__filename))) {
      for (const digits of readFileSync(`${__dirname}/${file}`, 'utf8').match(/\d{6,10}/g) ?? []) taken.add(digits);
    }
    const chosen = generateDemoMeterPoints()
      .filter((point) => point.status === status && point.registeredShipperId === demoOrganisation('BWE').id && !taken.has(point.mprn))
      .slice(0, count)
      .map((point) => point.mprn);
    if (chosen.length < count) throw new Error(`the demo register has fewer than ${count} unused ${status} BWE meter points`);
    return chosen;
  }

  const [deadForValid, deadForInvalid, deadForWithdrawal, deadForConflicts] = unusedBweMeterPoints('DE', 4);
  const [liveForIsolation] = unusedBweMeterPoints('LI', 1);
  const [capped] = unusedBweMeterPoints('CA', 1);

  const asShipper = () => signIn('bwe.user');
  const asAgent = () => signIn('cds.agent');

  async function log(body: Record<string, unknown>): Promise<string> {
    const logged = await api('POST', '/api/v1/contacts', { token: await asShipper(), json: body });
    expect(logged.status).toBe(201);
    return logged.body.crn;
  }

  function command(token: string, crn: string, name: 'assign' | 'resolution' | 'withdrawal', json: unknown, version: string | number): Promise<ApiResponse> {
    return api('POST', `/api/v1/contacts/${crn}/${name}`, { token, json, headers: { 'if-match': `"${version}"` } });
  }

  async function registerStatus(mprn: string): Promise<string> {
    const { status, body } = await api('GET', `/api/v1/meter-points/${mprn}`, { token: await asAgent() });
    expect(status).toBe(200);
    return body.status.code;
  }

  /** Takes the contact for investigation and resolves it; the contact as resolved. */
  async function assignAndResolve(crn: string, outcome: 'VALID' | 'INVALID', reasonCode: string): Promise<any> {
    const agent = await asAgent();
    const current = await api('GET', `/api/v1/contacts/${crn}`, { token: agent });
    const assigned = await command(agent, crn, 'assign', {}, current.body.version);
    expect(assigned.body).toMatchObject({ status: 'UNDER_INVESTIGATION', investigatingAgentUserId: 'cds.agent' });
    const resolved = await command(agent, crn, 'resolution', { outcome, reasonCode, note: 'Checked against the evidence.' }, assigned.body.version);
    expect(resolved.status).toBe(200);
    return resolved.body;
  }

  it('DTL resolved VALID: the register sets the meter point Live and a second DTL is judged against it', async () => {
    const crn = await log(dtl(deadForValid));
    const resolved = await assignAndResolve(crn, 'VALID', 'GAS_FLOW_CONFIRMED');
    expect(resolved).toMatchObject({ status: 'RESOLVED', outcome: 'VALID', meterPointStatusAtLogging: 'DE' });

    const applied = await contactUntil('bwe.user', crn, (contact) => contact.meterPointStatusAfter !== null);
    expect(applied.meterPointStatusAfter).toBe('LI');
    expect(applied.history.map((entry: { action: string }) => entry.action)).toEqual(['LOGGED', 'ASSIGNED', 'RESOLVED', 'METER_POINT_STATUS_CHANGED']);
    expect(await registerStatus(deadForValid)).toBe('LI');

    const again = await api('POST', '/api/v1/contacts', { token: await asShipper(), json: dtl(deadForValid) });
    expectProblem(again, 422, 'CONTACT_REJECTED');
    expect(again.body.errors.map((error: { code: string }) => error.code)).toEqual(['STATUS_NOT_DEAD']);
  });

  it('ISO to Dead and ISO from Capped to Live resolved VALID: the register takes each requested status', async () => {
    const toDead = await log(isoToDead(liveForIsolation));
    const toLive = await log(isoToLive(capped, 'UNCAPPED'));
    await assignAndResolve(toDead, 'VALID', 'ISOLATION_CONFIRMED');
    await assignAndResolve(toLive, 'VALID', 'RECONNECTION_CONFIRMED');

    expect((await contactUntil('bwe.user', toDead, (contact) => contact.meterPointStatusAfter !== null)).meterPointStatusAfter).toBe('DE');
    expect((await contactUntil('bwe.user', toLive, (contact) => contact.meterPointStatusAfter !== null)).meterPointStatusAfter).toBe('LI');
    expect(await registerStatus(liveForIsolation)).toBe('DE');
    expect(await registerStatus(capped)).toBe('LI');
  });

  it('resolved INVALID: the register stays as it was, and the meter point takes a new contact', async () => {
    const crn = await log(dtl(deadForInvalid));
    const resolved = await assignAndResolve(crn, 'INVALID', 'INSUFFICIENT_EVIDENCE');
    expect(resolved).toMatchObject({ outcome: 'INVALID', outcomeReason: 'Insufficient evidence', meterPointStatusAfter: null });
    expect(await registerStatus(deadForInvalid)).toBe('DE');

    const next = await api('POST', '/api/v1/contacts', { token: await asShipper(), json: dtl(deadForInvalid) });
    expect(next.status).toBe(201);
  });

  it('withdrawn by the originator: closed with its reason, and the agent can no longer take it', async () => {
    const crn = await log(dtl(deadForWithdrawal));
    const withdrawn = await command(await asShipper(), crn, 'withdrawal', { reason: 'Raised against the wrong meter point.' }, 1);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.headers.get('etag')).toBe('"2"');
    expect(withdrawn.body).toMatchObject({ status: 'WITHDRAWN', withdrawalReason: 'Raised against the wrong meter point.' });

    const late = await command(await asAgent(), crn, 'assign', {}, 2);
    expectProblem(late, 409, 'ILLEGAL_TRANSITION');
  });

  it('refuses a stale version (412), a missing one (428), an illegal move (409) and the wrong party (403)', async () => {
    const crn = await log(dtl(deadForConflicts));
    const agent = await asAgent();
    expectProblem(await api('POST', `/api/v1/contacts/${crn}/assign`, { token: agent, json: {} }), 428, 'PRECONDITION_REQUIRED');
    expectProblem(await command(agent, crn, 'resolution', { outcome: 'VALID', reasonCode: 'GAS_FLOW_CONFIRMED' }, 1), 409, 'ILLEGAL_TRANSITION');
    expectProblem(await command(await asShipper(), crn, 'resolution', { outcome: 'VALID', reasonCode: 'GAS_FLOW_CONFIRMED' }, 1), 409, 'ILLEGAL_TRANSITION');

    expect((await command(agent, crn, 'assign', {}, 1)).status).toBe(200);
    expectProblem(await command(await asShipper(), crn, 'withdrawal', { reason: 'Stale.' }, 1), 412, 'STALE_VERSION');
    expectProblem(await command(await asShipper(), crn, 'resolution', { outcome: 'VALID', reasonCode: 'GAS_FLOW_CONFIRMED' }, 2), 403, 'AGENT_ROLE_REQUIRED');
    expectProblem(await command(agent, crn, 'withdrawal', { reason: 'Not mine.' }, 2), 403, 'ORIGINATOR_ONLY');

    const withdrawn = await command(await asShipper(), crn, 'withdrawal', { reason: 'No longer needed.' }, 2);
    expect(withdrawn.body.status).toBe('WITHDRAWN');
  });

  it('offers the resolution reasons of the reference data to a signed-in user', async () => {
    const reasons = await api('GET', '/api/v1/resolution-reasons', { token: await asAgent() });
    expect(reasons.status).toBe(200);
    expect(reasons.body).toContainEqual({ code: 'INSUFFICIENT_EVIDENCE', label: 'Insufficient evidence', outcome: 'INVALID' });
  });
});
