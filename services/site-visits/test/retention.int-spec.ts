import { ContactAnonymisedV1, createEnvelope, type EventEnvelope } from '@cms/contracts';
import { stringsInDatabase, TestClock } from '@cms/testing';
import { CADENT, callers, contactEvents, DTL_EVIDENCE, eventually, SHIPPER, startSiteVisits, type SiteVisitsUnderTest } from './support/site-visits-under-test';

/**
 * Retention (README "Retention"): when contact-logging announces a contact's retention period has
 * passed (ContactAnonymised), the personal data its site visits hold (what they copied of the
 * contact, the instructions, a decline's reason, the finding's notes, the referral feed's kept
 * outcome, the events published) is gone from every table of the service's database, its
 * append-only audit included, while the visits still read; delivered twice, nothing fails; another
 * contact's visits are untouched.
 */
describe('site visits under retention', () => {
  const clock = new TestClock('2026-12-01T10:00:00Z');
  let sv: SiteVisitsUnderTest;

  beforeAll(async () => {
    sv = await startSiteVisits({ databaseName: 'site_visits_retention', clock });
  });

  afterAll(async () => {
    await sv?.close();
  });

  const read = async (id: string) => (await sv.call(callers.agent, 'GET', `/api/v1/site-visits/${id}`)).body;
  const applied = (eventId: string) =>
    sv.service.sql<{ group: string }>(`SELECT consumer_group AS group FROM inbox_message WHERE event_id = $1 ORDER BY consumer_group`, [eventId]);
  const organisations = [SHIPPER.id, CADENT.id];

  interface Strings {
    name: string;
    telephone: string;
    email: string;
    description: string;
    alternativeLine: string;
    supplyLine: string;
    instructions: string;
    declineReason: string;
    notes: string;
    withdrawalReason: string;
  }

  /** A contact referred twice (declined, then accepted and its finding reported), then withdrawn: every kind of personal data a visit holds. */
  async function visitedContact(mprn: string, strings: Strings): Promise<{ crn: string; visits: string[] }> {
    const crn = sv.nextCrn();
    sv.standIns.contactDetails.set(crn, {
      originatorContact: { name: strings.name, telephone: strings.telephone, email: strings.email },
      description: strings.description,
      dtlEvidence: DTL_EVIDENCE,
      alternativeAddress: { buildingName: 'The Old Forge', thoroughfare: strings.alternativeLine, postTown: 'KENDAL', postcode: 'LA9 4AB' },
    });
    sv.standIns.supplyAddresses.set(mprn, { buildingNumber: '3', thoroughfare: strings.supplyLine, postTown: 'KENDAL', postcode: 'LA9 4AA' });
    await sv.publish(contactEvents.logged(crn, { mprn }));
    await eventually(() => sv.call(callers.agent, 'GET', `/api/v1/contacts/${crn}/site-visits`), (answer) => answer.status === 200);

    const first = await sv.call(callers.agent, 'POST', `/api/v1/contacts/${crn}/site-visits`, { instructions: strings.instructions });
    expect(first.status).toBe(201);
    const declined = await sv.call(callers.cadent, 'POST', `/api/v1/site-visits/${first.body.id}/acceptance`, { accepted: false, reason: strings.declineReason }, { 'if-match': '"1"' });
    expect(declined.status).toBe(200);
    const second = await sv.call(callers.agent, 'POST', `/api/v1/contacts/${crn}/site-visits`, { instructions: strings.instructions });
    expect(second.status).toBe(201);
    expect((await sv.call(callers.cadent, 'POST', `/api/v1/site-visits/${second.body.id}/acceptance`, { accepted: true }, { 'if-match': '"1"' })).status).toBe(200);
    const found = await sv.call(
      callers.cadent,
      'POST',
      `/api/v1/site-visits/${second.body.id}/finding`,
      { confirmed: true, visitedOn: '2026-12-01', notes: strings.notes, meterSerialNumber: 'G4A-1', meterRead: '04530', condition: 'In use' },
      { 'if-match': '"2"' },
    );
    expect(found.status).toBe(200);

    const withdrawn = contactEvents.withdrawn(crn, organisations, clock.now());
    withdrawn.data.reason = strings.withdrawalReason;
    await sv.publish(withdrawn);
    // The referral feed keeps the outcome for transporters involved later.
    await eventually(() => sv.service.sql<{ outcome: unknown }>('SELECT outcome FROM partner_feed_contact WHERE crn = $1', [crn]), ([row]) => row?.outcome != null);
    return { crn, visits: [first.body.id, second.body.id] };
  }

  function anonymised(crn: string): EventEnvelope<ContactAnonymisedV1> {
    return createEnvelope<ContactAnonymisedV1>({
      type: ContactAnonymisedV1.type,
      source: '/cms/contact-logging',
      subject: crn,
      data: { crn, contactType: 'DTL', endedAt: '2026-12-01T10:00:00.000Z', anonymisedAt: clock.now().toISOString(), organisationIds: organisations },
    });
  }

  it("replaces the personal data of an anonymised contact's visits everywhere in its database, keeps the visits readable, and takes a second delivery calmly", async () => {
    const gone: Strings = {
      name: 'Evangeline Thistlewood',
      telephone: '0161 496 0444',
      email: 'evangeline.t@example.org',
      description: 'The tenant hears the meter ticking',
      alternativeLine: 'Juniper Wynd',
      supplyLine: 'Tamarisk Row',
      instructions: 'Ask Evangeline for the cellar key',
      declineReason: 'Evangeline was away that week',
      notes: 'Evangeline let us in; meter running',
      withdrawalReason: 'Evangeline asked to withdraw it',
    };
    const kept: Strings = {
      name: 'Lysander Oakhampton',
      telephone: '0161 496 0555',
      email: 'lysander.o@example.org',
      description: 'The landlord saw the dial move',
      alternativeLine: 'Quillon Terrace',
      supplyLine: 'Wisteria Gate',
      instructions: 'Call Lysander before visiting',
      declineReason: 'Lysander could not give access',
      notes: 'Lysander showed us the meter',
      withdrawalReason: 'Lysander withdrew it',
    };
    const anonymisedContact = await visitedContact('8804621511', gone);
    const other = await visitedContact('8804621522', kept);
    const before = await Promise.all(anonymisedContact.visits.map(read));
    await eventually(() => sv.service.sql<{ count: number }>('SELECT count(*)::int AS count FROM outbox_message WHERE published_at IS NULL'), ([row]) => row.count === 0);
    const strings = Object.values(gone);
    expect(new Set((await stringsInDatabase(sv.service.sql, strings)).map((found) => found.text))).toEqual(new Set(strings));

    clock.set('2027-01-05T10:00:00Z');
    const event = anonymised(anonymisedContact.crn);
    await sv.publish(event);
    // Both consumer groups apply it: the visits' (site-visits.contacts) and the referral feed's.
    await eventually(() => applied(event.id), (rows) => rows.length === 2);

    expect(await stringsInDatabase(sv.service.sql, strings)).toEqual([]);
    const otherStrings = Object.values(kept);
    expect(new Set((await stringsInDatabase(sv.service.sql, otherStrings)).map((found) => found.text))).toEqual(new Set(otherStrings));
    expect((await read(other.visits[1])).finding.notes).toBe(kept.notes);

    // The visits still read as before, the marker where the personal data was.
    const [declined, visited] = await Promise.all(anonymisedContact.visits.map(read));
    expect(declined).toMatchObject({ status: 'DECLINED', version: before[0].version, instructions: '[removed]', acceptance: { ...before[0].acceptance, reason: '[removed]' } });
    expect(visited).toMatchObject({
      status: 'FINDING_REPORTED',
      version: before[1].version,
      finding: { ...before[1].finding, notes: '[removed]' },
      cancellation: before[1].cancellation,
    });
    expect(visited.details).toEqual({
      supplyAddress: { buildingNumber: '[removed]', thoroughfare: '[removed]', postTown: '[removed]', postcode: '[removed]' },
      alternativeAddress: { buildingName: '[removed]', thoroughfare: '[removed]', postTown: '[removed]', postcode: '[removed]' },
      originatorContact: { name: '[removed]', telephone: '[removed]', email: '[removed]' },
      description: '[removed]',
      evidence: before[1].details.evidence,
    });
    const audit = await sv.call(callers.cdspAdmin, 'GET', `/api/v1/audit/site-visits?crn=${anonymisedContact.crn}`);
    expect(audit.body.items.map((item: { action: string }) => item.action)).toEqual(['FINDING_REPORTED', 'ACCEPTED', 'REFERRED', 'DECLINED', 'REFERRED']);

    // Delivered again (the same event, and the announcement made twice): applied without error, nothing changes.
    const again = anonymised(anonymisedContact.crn);
    await sv.publish(event, again);
    await eventually(() => applied(again.id), (rows) => rows.length === 2);
    expect(await Promise.all(anonymisedContact.visits.map(read))).toEqual([declined, visited]);
    expect(await stringsInDatabase(sv.service.sql, strings)).toEqual([]);
  });

  it('keeps the audit append-only for everything but the sweep', async () => {
    const [{ crn }] = await sv.service.sql<{ crn: string }>('SELECT crn FROM site_visit_audit LIMIT 1');
    await expect(sv.service.sql(`UPDATE site_visit_audit SET after = after WHERE crn = $1`, [crn])).rejects.toThrow(/append-only/);
    await expect(sv.service.sql('DELETE FROM site_visit_audit WHERE crn = $1', [crn])).rejects.toThrow(/append-only/);
  });
});
