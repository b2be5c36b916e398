import { ANONYMISED_MARKER } from '@cms/contracts';
import { stringsInDatabase, TestClock } from '@cms/testing';
import { CDSP, personOf, SHIPPER, startClarifications, type ClarificationsUnderTest } from './support/clarifications-under-test';

/**
 * Retention (README "Retention"): when contact-logging announces a contact's retention period has
 * passed (ContactAnonymised), what people wrote in its threads is gone from every table of the
 * service's database, its append-only audit included, while the threads still read (who, when,
 * turns, causes); delivered twice, nothing fails; another contact's threads are untouched.
 */
describe('clarifications under retention', () => {
  const clock = new TestClock('2026-12-01T09:00:00Z');
  let under: ClarificationsUnderTest;
  const agent = personOf(CDSP);
  const shipper = personOf(SHIPPER);

  beforeAll(async () => {
    under = await startClarifications({ databaseName: 'clarifications_retention', clock });
  });

  afterAll(async () => {
    await under?.close();
  });

  /** A contact with a DC asked, answered and closed, and a second DC left open for the contact's end to close. */
  async function workedContact(strings: { question: string; answer: string; reason: string; openQuestion: string }): Promise<{ crn: string; threads: string[] }> {
    const crn = await under.logContact();
    const asked = await under.call(agent, 'POST', `/api/v1/contacts/${crn}/clarifications`, { kind: 'DC', question: strings.question });
    expect(asked.status).toBe(201);
    const answered = await under.call(shipper, 'POST', `/api/v1/clarifications/${asked.body.id}/messages`, { text: strings.answer }, { 'if-match': asked.etag! });
    expect(answered.status).toBe(200);
    const closed = await under.call(agent, 'POST', `/api/v1/clarifications/${asked.body.id}/closure`, { reason: strings.reason }, { 'if-match': answered.etag! });
    expect(closed.status).toBe(200);
    const open = await under.call(agent, 'POST', `/api/v1/contacts/${crn}/clarifications`, { kind: 'DC', question: strings.openQuestion });
    expect(open.status).toBe(201);
    return { crn, threads: [asked.body.id, open.body.id] };
  }

  const readThread = async (id: string) => (await under.call(agent, 'GET', `/api/v1/clarifications/${id}`)).body;
  const applied = (eventId: string) => under.service.sql<{ count: number }>(`SELECT count(*)::int AS count FROM inbox_message WHERE consumer_group = 'clarifications.contacts' AND event_id = $1`, [eventId]);

  it("replaces what people wrote in an anonymised contact's threads everywhere in its database, keeps the threads readable, and takes a second delivery calmly", async () => {
    const gone = { question: 'Is Ottoline Farquharson the tenant', answer: 'Ottoline moved in on 3 March', reason: 'Ottoline confirmed by phone', openQuestion: 'Please send Ottoline a letter' };
    const kept = { question: 'Is Peregrine Ashdown the tenant', answer: 'Peregrine since May', reason: 'Peregrine confirmed', openQuestion: 'Write to Peregrine' };
    const anonymised = await workedContact(gone);
    const other = await workedContact(kept);

    // The contact ends: its open thread closes. Its retention period passes later.
    const endedAt = clock.now();
    await under.publish(under.resolved(anonymised.crn));
    await under.until('the open thread closed by the contact’s end', () => readThread(anonymised.threads[1]), (thread) => thread.status === 'CLOSED');
    const before = await Promise.all(anonymised.threads.map(readThread));
    await under.until('every event published', () => under.service.sql<{ count: number }>('SELECT count(*)::int AS count FROM outbox_message WHERE published_at IS NULL'), ([row]) => row.count === 0);
    const strings = Object.values(gone);
    expect(new Set((await stringsInDatabase(under.service.sql, strings)).map((found) => found.text))).toEqual(new Set(strings));

    clock.set('2027-01-05T09:00:00Z');
    const event = under.anonymised(anonymised.crn, endedAt);
    await under.publish(event);
    await under.until('ContactAnonymised applied', () => applied(event.id), ([row]) => row.count === 1);

    expect(await stringsInDatabase(under.service.sql, strings)).toEqual([]);
    const otherStrings = Object.values(kept);
    expect(new Set((await stringsInDatabase(under.service.sql, otherStrings)).map((found) => found.text))).toEqual(new Set(otherStrings));
    expect((await readThread(other.threads[0])).messages.map((message: { text: string }) => message.text)).toEqual([kept.question, kept.answer]);

    // The threads still read as before, the marker where the words were.
    const after = await Promise.all(anonymised.threads.map(readThread));
    after.forEach((thread, index) => {
      const { messages, closure, ...rest } = before[index];
      expect(thread).toMatchObject(rest);
      expect(thread.messages).toEqual(messages.map((message: object) => ({ ...message, text: ANONYMISED_MARKER })));
      expect(thread.closure).toEqual({ ...closure, reason: ANONYMISED_MARKER });
    });
    const audit = await under.call(personOf(CDSP, ['CDSP_ADMIN']), 'GET', `/api/v1/audit/clarifications?crn=${anonymised.crn}`);
    expect(audit.body.items.map((item: { action: string }) => item.action)).toEqual(['CLOSED', 'RAISED', 'CLOSED', 'MESSAGE_POSTED', 'RAISED']);

    // Delivered again (the same event, and the announcement made twice): applied without error, nothing changes.
    const again = under.anonymised(anonymised.crn, endedAt);
    await under.publish(event, again);
    await under.until('the second announcement applied', () => applied(again.id), ([row]) => row.count === 1);
    expect(await Promise.all(anonymised.threads.map(readThread))).toEqual(after);
    expect(await stringsInDatabase(under.service.sql, strings)).toEqual([]);
  });

  it('keeps the audit append-only for everything but the sweep', async () => {
    const [{ crn }] = await under.service.sql<{ crn: string }>('SELECT crn FROM clarification_audit LIMIT 1');
    await expect(under.service.sql(`UPDATE clarification_audit SET detail = '{}' WHERE crn = $1`, [crn])).rejects.toThrow(/append-only/);
    await expect(under.service.sql('DELETE FROM clarification_audit WHERE crn = $1', [crn])).rejects.toThrow(/append-only/);
  });
});
