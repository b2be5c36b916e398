// The register follows a contact's outcome (docs/domain.md, "Outcome"): meter-points in process,
// on a real PostgreSQL database and the test Kafka broker. ContactResolved events are published to
// cms.contacts.v1 as contact-logging publishes them; what the register answers is read back from
// cms.meter-points.v1, its audit table and its HTTP look-up.
import pino from 'pino';
import { Client } from 'pg';
import {
  ContactLoggedV1,
  ContactResolvedV1,
  createEnvelope,
  MeterPointStatusChangedV1,
  MeterPointStatusChangeRefusedV1,
  toKafkaHeaders,
  Topics,
  type EventEnvelope,
} from '@cms/contracts';
import { BroadcastReader, KafkaAdapter } from '@cms/messaging';
import { startServiceUnderTest, testKafkaBrokers, TestTokenIssuer, type ServiceUnderTest } from '@cms/testing';
import { demoOrganisation } from '@cms/demo-data';
import type { MeterPoint } from '../src/domain';
import { METER_POINT_REGISTER, type MeterPointRegister } from '../src/application/meter-point-register.port';
import type { MeterPointResponse } from '../src/http/dto/meter-point.response';
import { meterPointsService } from '../src/service';

const logger = pino({ level: 'silent' });
const SHIPPER = demoOrganisation('BWE');
const TRANSPORTER = demoOrganisation('CAD');
const CDSP = demoOrganisation('CDS');

let crnSequence = 0;
let mprnSequence = 0;
const nextCrn = () => `C9${String(++crnSequence).padStart(8, '0')}`;
const nextMprn = () => `70000000${String(++mprnSequence).padStart(2, '0')}`;

interface AuditRow {
  mprn: string;
  previous_status: string;
  new_status: string;
  crn: string;
  reason_code: string;
  resolved_by_user_id: string | null;
  automatic: boolean;
  event_id: string;
}

describe('meter-points follows a contact outcome (cms.contacts.v1)', () => {
  let issuer: TestTokenIssuer;
  let service: ServiceUnderTest;
  let register: MeterPointRegister;
  let kafka: KafkaAdapter;
  let reader: BroadcastReader;
  let token: string;
  /** Every event the register published on cms.meter-points.v1, validated against its schema. */
  const published: EventEnvelope[] = [];

  /** A meter point in the register with this status, on an MPRN no other test uses. */
  const meterPointWith = async (status: string): Promise<string> => {
    const meterPoint: MeterPoint = {
      mprn: nextMprn(),
      status,
      isolated: false,
      transporterId: TRANSPORTER.id,
      registeredShipperId: SHIPPER.id,
      ldz: 'NW',
      address: { buildingNumber: '7', thoroughfare: 'Canal Street', postTown: 'Manchester', postcode: 'M1 3HE' },
    };
    expect(await register.upsert([{ line: 1, meterPoint }])).toMatchObject({ inserted: 1, rejected: [] });
    return meterPoint.mprn;
  };

  const contactResolved = (fields: Partial<ContactResolvedV1> & Pick<ContactResolvedV1, 'mprn'>): EventEnvelope<ContactResolvedV1> => {
    const crn = fields.crn ?? nextCrn();
    return createEnvelope({
      type: ContactResolvedV1.type,
      source: '/cms/contact-logging',
      subject: crn,
      data: {
        crn,
        contactType: 'ISO',
        outcome: 'VALID',
        reasonCode: 'SITE_VISIT_CONFIRMED',
        reason: 'The transporter confirmed the meter point on site.',
        automatic: false,
        requestedStatus: 'DE',
        meterPointStatusAtLogging: 'LI',
        originatorOrganisationId: SHIPPER.id,
        loggedByUserId: 'bwe.user',
        resolvedByUserId: 'cds.agent',
        resolvedAt: new Date().toISOString(),
        organisationIds: [SHIPPER.id, CDSP.id],
        ...fields,
      },
    });
  };

  const publish = async (...events: EventEnvelope[]) => {
    await kafka.publish(
      events.map((event) => ({ topic: Topics.contacts, key: event.subject, value: JSON.stringify(event.data), headers: toKafkaHeaders(event) })),
    );
  };

  /** Until the register has taken the event: its id is in the inbox, committed with the effect. */
  const processed = async (event: EventEnvelope) => {
    await until(
      async () => (await service.sql('SELECT 1 FROM inbox_message WHERE event_id = $1', [event.id])).length === 1,
      `event ${event.id} to be processed`,
    );
  };

  const eventsAbout = (crn: string) => published.filter((event) => (event.data as { crn: string }).crn === crn);
  const publishedAbout = async (crn: string, count: number) => {
    await until(async () => eventsAbout(crn).length >= count, `${count} event(s) about ${crn} on ${Topics.meterPoints}`);
    return eventsAbout(crn);
  };

  const statusOf = async (mprn: string) => {
    const response = await service.fetch(`/api/v1/meter-points/${mprn}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    return ((await response.json()) as MeterPointResponse).status.code;
  };

  const auditOf = (mprn: string) =>
    service.sql<AuditRow>(
      `SELECT mprn, previous_status, new_status, crn, reason_code, resolved_by_user_id, automatic, event_id
         FROM meter_point_status_change WHERE mprn = $1 ORDER BY id`,
      [mprn],
    );

  const outboxRowsAbout = async (crn: string) =>
    (await service.sql<{ payload: string }>('SELECT payload FROM outbox_message WHERE topic = $1', [Topics.meterPoints])).filter(
      (row) => (JSON.parse(row.payload) as { crn: string }).crn === crn,
    );

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    service = await startServiceUnderTest(meterPointsService, { databaseName: 'meter_points_outcome', env: issuer.env() });
    register = service.app.get<MeterPointRegister>(METER_POINT_REGISTER);
    token = await issuer.tokenFor({ userId: 'bwe.user', organisationId: SHIPPER.id, organisationType: 'SHIPPER', roles: ['CONTACT_USER'] });
    kafka = new KafkaAdapter({ clientId: 'meter-points-outcome-test', brokers: testKafkaBrokers(), logger });
    reader = new BroadcastReader(kafka, logger, { name: 'meter-points-outcome-test', topic: Topics.meterPoints, take: (event) => published.push(event) });
    await reader.start();
  });

  afterAll(async () => {
    await reader?.stop();
    await kafka?.disconnect();
    await service?.close();
    await issuer?.stop();
  });

  it('applies a VALID ISO: the register answers Dead, audits who and why, and publishes MeterPointStatusChanged', async () => {
    const mprn = await meterPointWith('LI');
    const resolved = contactResolved({ mprn, meterPointStatusAtLogging: 'LI', requestedStatus: 'DE' });

    await publish(resolved);
    const [changed] = await publishedAbout(resolved.data.crn, 1);

    expect(changed.type).toBe(MeterPointStatusChangedV1.type);
    expect(changed.subject).toBe(mprn);
    expect(changed.data).toEqual({
      mprn,
      previousStatus: 'LI',
      status: 'DE',
      crn: resolved.data.crn,
      transporterOrganisationId: TRANSPORTER.id,
      changedAt: changed.time,
      organisationIds: [SHIPPER.id, CDSP.id],
    });
    expect(await statusOf(mprn)).toBe('DE');
    expect(await auditOf(mprn)).toEqual([
      {
        mprn,
        previous_status: 'LI',
        new_status: 'DE',
        crn: resolved.data.crn,
        reason_code: 'SITE_VISIT_CONFIRMED',
        resolved_by_user_id: 'cds.agent',
        automatic: false,
        event_id: resolved.id,
      },
    ]);
  });

  it('applies a VALID ISO from Capped to Live, and judges a second contact on the MPRN against the new status', async () => {
    const mprn = await meterPointWith('CA');
    const first = contactResolved({ mprn, meterPointStatusAtLogging: 'CA', requestedStatus: 'LI' });
    await publish(first);
    await publishedAbout(first.data.crn, 1);
    expect(await statusOf(mprn)).toBe('LI');

    // One logged against the old status is refused; one logged against the new status applies.
    const stale = contactResolved({ mprn, meterPointStatusAtLogging: 'CA', requestedStatus: 'LI' });
    const current = contactResolved({ mprn, meterPointStatusAtLogging: 'LI', requestedStatus: 'DE' });
    await publish(stale);
    const [refused] = await publishedAbout(stale.data.crn, 1);
    await publish(current);
    const [changed] = await publishedAbout(current.data.crn, 1);

    expect(refused.type).toBe(MeterPointStatusChangeRefusedV1.type);
    expect(refused.data).toMatchObject({ code: 'STATUS_CHANGED_SINCE_LOGGING', expectedStatus: 'CA', actualStatus: 'LI' });
    expect(changed.type).toBe(MeterPointStatusChangedV1.type);
    expect(changed.data).toMatchObject({ previousStatus: 'LI', status: 'DE' });
    expect(await statusOf(mprn)).toBe('DE');
    expect((await auditOf(mprn)).map((row) => [row.crn, row.previous_status, row.new_status])).toEqual([
      [first.data.crn, 'CA', 'LI'],
      [current.data.crn, 'LI', 'DE'],
    ]);
  });

  it('applies a VALID DTL (Dead to Live) closed by a timer, recording that no person resolved it', async () => {
    const mprn = await meterPointWith('DE');
    const resolved = contactResolved({
      mprn,
      contactType: 'DTL',
      meterPointStatusAtLogging: 'DE',
      requestedStatus: 'LI',
      automatic: true,
      resolvedByUserId: null,
    });

    await publish(resolved);
    await publishedAbout(resolved.data.crn, 1);

    expect(await statusOf(mprn)).toBe('LI');
    expect(await auditOf(mprn)).toEqual([expect.objectContaining({ new_status: 'LI', automatic: true, resolved_by_user_id: null })]);
  });

  it('refuses when the status changed since the contact was logged, saying what it expected, what it found and what to do', async () => {
    const mprn = await meterPointWith('CA');
    const resolved = contactResolved({ mprn, meterPointStatusAtLogging: 'CL', requestedStatus: 'LI' });

    await publish(resolved);
    const [refused] = await publishedAbout(resolved.data.crn, 1);

    expect(refused.type).toBe(MeterPointStatusChangeRefusedV1.type);
    expect(refused.subject).toBe(mprn);
    expect(refused.data).toEqual({
      mprn,
      crn: resolved.data.crn,
      code: 'STATUS_CHANGED_SINCE_LOGGING',
      reason:
        `Meter point ${mprn} was not changed to Live (LI) for contact ${resolved.data.crn}. The contact was logged when ` +
        'the register showed it as Clamped (CL), but it is now Capped (CA): its status changed after the contact was ' +
        'logged, so the change asked for may no longer be right. Check the meter point with the transporter and, if a ' +
        'change is still needed, log a new contact against its current status.',
      requestedStatus: 'LI',
      expectedStatus: 'CL',
      actualStatus: 'CA',
      refusedAt: refused.time,
      organisationIds: [SHIPPER.id, CDSP.id],
    });
    expect(await statusOf(mprn)).toBe('CA');
    expect(await auditOf(mprn)).toEqual([]);
  });

  it('refuses an MPRN the register does not hold, with no actual status', async () => {
    const resolved = contactResolved({ mprn: '7999999999', meterPointStatusAtLogging: 'LI', requestedStatus: 'DE' });

    await publish(resolved);
    const [refused] = await publishedAbout(resolved.data.crn, 1);

    expect(refused.type).toBe(MeterPointStatusChangeRefusedV1.type);
    expect(refused.data).toMatchObject({ mprn: '7999999999', code: 'METER_POINT_NOT_FOUND', expectedStatus: 'LI', actualStatus: null });
    expect((refused.data as MeterPointStatusChangeRefusedV1).reason).toContain('the meter point is no longer in the register');
  });

  it('changes nothing and publishes nothing for an INVALID outcome or another contact event', async () => {
    const mprn = await meterPointWith('LI');
    const invalid = contactResolved({ mprn, outcome: 'INVALID', reasonCode: 'NO_RESPONSE_TO_DC', automatic: true, resolvedByUserId: null });
    const logged = createEnvelope({
      type: ContactLoggedV1.type,
      source: '/cms/contact-logging',
      subject: invalid.data.crn,
      data: {
        crn: invalid.data.crn,
        contactType: 'ISO',
        mprn,
        status: 'LOGGED',
        requestedStatus: 'DE',
        originatorOrganisationId: SHIPPER.id,
        loggedByUserId: 'bwe.user',
        transporterOrganisationId: TRANSPORTER.id,
        registeredShipperOrganisationId: SHIPPER.id,
        loggedAt: new Date().toISOString(),
        organisationIds: [SHIPPER.id],
      } satisfies ContactLoggedV1,
    });

    await publish(logged, invalid);
    // Same key, same partition: once the INVALID outcome is processed, the ContactLogged before it
    // has been passed over (the register acts on ContactResolved only: no transaction, no inbox row).
    await processed(invalid);
    expect(await service.sql('SELECT 1 FROM inbox_message WHERE event_id = $1', [logged.id])).toEqual([]);

    expect(await statusOf(mprn)).toBe('LI');
    expect(await auditOf(mprn)).toEqual([]);
    expect(await outboxRowsAbout(invalid.data.crn)).toEqual([]);
  });

  it('changes the status once and announces it once when the same event is delivered twice', async () => {
    const mprn = await meterPointWith('LI');
    const resolved = contactResolved({ mprn, meterPointStatusAtLogging: 'LI', requestedStatus: 'DE' });
    // Same key, so same partition: once the marker is processed, both deliveries before it were.
    const marker = contactResolved({ mprn, crn: resolved.data.crn, outcome: 'INVALID' });

    await publish(resolved);
    await publish(resolved, marker);
    await processed(marker);

    // Applied a second time, the outcome would be refused (the status is no longer LI): no refusal either.
    expect(await auditOf(mprn)).toHaveLength(1);
    expect(await outboxRowsAbout(resolved.data.crn)).toHaveLength(1);
    const about = await publishedAbout(resolved.data.crn, 1);
    expect(about.map((event) => event.type)).toEqual([MeterPointStatusChangedV1.type]);
    expect(await statusOf(mprn)).toBe('DE');
  });

  it('decides on the status a concurrent change leaves, not the one it replaced: the meter point is locked', async () => {
    const mprn = await meterPointWith('LI');
    const resolved = contactResolved({ mprn, meterPointStatusAtLogging: 'LI', requestedStatus: 'DE' });
    const concurrent = new Client({ connectionString: service.databaseUrl });
    await concurrent.connect();
    try {
      // Another writer changes the meter point and has not committed when the outcome arrives.
      await concurrent.query('BEGIN');
      await concurrent.query(`UPDATE meter_point SET status = 'CA' WHERE mprn = $1`, [mprn]);
      await publish(resolved);
      // Seen from a connection of its own: a transaction keeps its first snapshot of pg_stat_activity.
      await until(
        async () =>
          (
            await service.sql(
              `SELECT 1 FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE%'`,
            )
          ).length === 1,
        'the consumer to wait for the meter point',
      );
      await concurrent.query('COMMIT');
    } finally {
      await concurrent.end();
    }

    const [refused] = await publishedAbout(resolved.data.crn, 1);
    expect(refused.data).toMatchObject({ code: 'STATUS_CHANGED_SINCE_LOGGING', expectedStatus: 'LI', actualStatus: 'CA' });
    expect(await statusOf(mprn)).toBe('CA');
    expect(await auditOf(mprn)).toEqual([]);
  });

  it('7. a second replica joins the consumer group mid-stream and leaves again: each outcome changes its meter point exactly once', async () => {
    const mprns: string[] = [];
    for (let i = 0; i < 60; i += 1) mprns.push(await meterPointWith('LI'));
    const outcomes = mprns.map((mprn) => contactResolved({ mprn, meterPointStatusAtLogging: 'LI', requestedStatus: 'DE' }));

    await publish(...outcomes.slice(0, 20));
    const second = await startServiceUnderTest(meterPointsService, { databaseUrl: service.databaseUrl, env: issuer.env() });
    await publish(...outcomes.slice(20, 40));
    await processed(outcomes[25]);
    await second.close(); // leaves mid-stream: its partitions go back to the first replica
    await publish(...outcomes.slice(40));

    for (const outcome of outcomes) await publishedAbout(outcome.data.crn, 1);
    const changes = await service.sql<{ crn: string; changes: number }>(
      `SELECT crn, count(*)::int AS changes FROM meter_point_status_change WHERE crn = ANY($1) GROUP BY crn`,
      [outcomes.map((outcome) => outcome.data.crn)],
    );
    expect(changes).toHaveLength(outcomes.length);
    expect(changes.filter((row) => row.changes !== 1)).toEqual([]);
    for (const outcome of outcomes) expect(await outboxRowsAbout(outcome.data.crn)).toHaveLength(1);
    expect(new Set(await Promise.all(mprns.map(statusOf)))).toEqual(new Set(['DE']));
  });
});

/** Polls `condition` (the consumer works asynchronously) until it holds; fails after 20 s. */
async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
