import { generateDemoMeterPoints } from '@cms/demo-data';
import { api, dtl, expectProblem, signIn } from './support/api';
import { unusedMeterPoints } from './support/meter-points';

/**
 * The postal address look-up through the gateway, on the demo PAF data `npm start` loads (every
 * demo meter point's address and its neighbours): a demo postcode lists its delivery points with
 * Royal Mail labels, and a DTL logged with an alternative address chosen by UDPRN keeps it, with
 * its provenance, on the contact; a UDPRN no delivery point has is a rejection reason.
 */
describe('Address look-up through the gateway', () => {
  const [first, second] = unusedMeterPoints(__filename, { shipper: 'KGP', status: 'DE', network: 'DN', count: 2 });
  const registered = new Map(generateDemoMeterPoints().map((point) => [point.mprn, point.address]));
  const addressOf = (mprn: string) => registered.get(mprn)!;

  interface Listed {
    postcode: string;
    source: string;
    items: Array<{ udprn: string; uprn?: string; postcode: string; lines: string[]; label: string; buildingNumber?: string; buildingName?: string }>;
  }

  it("lists every delivery point at a demo meter point's postcode, its own among them, with one-line and multi-line labels", async () => {
    const token = await signIn('kgp.user');
    const own = addressOf(first.mprn);

    const response = await api<Listed>('GET', `/api/v1/addresses?postcode=${encodeURIComponent(own.postcode.toLowerCase().replace(' ', ''))}`, { token });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ postcode: own.postcode, source: 'PAF_TABLE' });
    // The meter point's address, and at least one neighbour without a meter point.
    expect(response.body.items.length).toBeGreaterThan(1);
    const item = response.body.items.find((candidate) => candidate.udprn === own.udprn);
    expect(item).toMatchObject({ postcode: own.postcode, postTown: own.postTown, ...(own.uprn ? { uprn: own.uprn } : {}) });
    expect(item!.lines.at(-1)).toBe(own.postcode);
    expect(item!.lines.at(-2)).toBe(own.postTown.toUpperCase());
    expect(item!.label).toBe(item!.lines.join(', '));
  });

  it('answers a well-formed postcode it does not hold with no items, and a malformed one with 400 POSTCODE_FORMAT', async () => {
    const token = await signIn('kgp.user');

    const unknown = await api<Listed>('GET', '/api/v1/addresses?postcode=ZE3%209ZZ', { token });
    const malformed = await api('GET', '/api/v1/addresses?postcode=NOT-A-POSTCODE', { token });

    expect(unknown.status).toBe(200);
    expect(unknown.body.items).toEqual([]);
    expectProblem(malformed, 400, 'POSTCODE_FORMAT');
    expect((await api('GET', '/api/v1/addresses?postcode=ZE3%209ZZ')).status).toBe(401);
  });

  it('keeps an alternative address chosen by UDPRN on the DTL, with its provenance, shown on the contact', async () => {
    const token = await signIn('kgp.user');
    const own = addressOf(first.mprn);
    const listed = await api<Listed>('GET', `/api/v1/addresses?postcode=${encodeURIComponent(own.postcode)}`, { token });
    const neighbour = listed.body.items.find((item) => item.udprn !== own.udprn)!;

    const logged = await api('POST', '/api/v1/contacts', { token, json: { ...dtl(first.mprn), alternativeAddress: { udprn: neighbour.udprn } } });

    expect(logged.status).toBe(201);
    const contact = await api('GET', `/api/v1/contacts/${logged.body.crn}`, { token });
    expect(contact.status).toBe(200);
    expect(contact.body.details.alternativeAddress).toMatchObject({
      postcode: own.postcode,
      udprn: neighbour.udprn,
      uprn: neighbour.uprn ?? null,
      buildingNumber: neighbour.buildingNumber ?? null,
      buildingName: neighbour.buildingName ?? null,
      provenance: { source: 'ADDRESS_LOOKUP', lookedUpIn: 'PAF_TABLE', lookedUpAt: expect.any(String) },
    });
    const lookedUpAt = Date.parse(contact.body.details.alternativeAddress.provenance.lookedUpAt);
    expect(Math.abs(lookedUpAt - Date.parse(logged.body.loggedAt))).toBeLessThan(60_000);
  });

  it('rejects a DTL whose alternative address names a UDPRN no delivery point has: MANDATORY_FIELD on the UDPRN', async () => {
    const token = await signIn('kgp.user');

    const response = await api('POST', '/api/v1/contacts', { token, json: { ...dtl(second.mprn), alternativeAddress: { udprn: '99999999' } } });

    expectProblem(response, 422);
    expect(response.body.errors).toEqual([expect.objectContaining({ code: 'MANDATORY_FIELD', field: 'alternativeAddress.udprn' })]);
  });
});
