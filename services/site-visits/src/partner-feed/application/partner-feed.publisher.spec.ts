import { PartnerContactResolvedV1, PartnerSiteVisitReferredV1, type ContactResolvedV1, type DomainEvent, type SiteVisitReferredV1 } from '@cms/contracts';
import type { EventOutbox } from '@cms/service-defaults';
import { PERSONAL_OUTCOME_FIELDS, type ContactOutcome } from '../domain/partner-events';
import { PartnerFeedPublisher } from './partner-feed.publisher';
import type { PartnerFeedStore, PartnerTopicProvisioning } from './partner-feed-store.port';

const CADENT = '383da001-dcc0-4cf5-8481-59b9749b0a6c';
const NGN = '2dce312b-4a8a-40eb-a5f0-27148eb3cb07';
const SHIPPER = 'b39b394d-4352-47f1-9cab-919d828cf087';
const CRN = 'C000000077';

class MemoryStore implements PartnerFeedStore {
  readonly involvement = new Map<string, string[]>();
  readonly outcomes = new Map<string, ContactOutcome>();
  async lockContact(): Promise<void> {}
  async addInvolved(crn: string, organisationId: string): Promise<boolean> {
    const list = this.involvement.get(crn) ?? [];
    if (list.includes(organisationId)) return false;
    this.involvement.set(crn, [...list, organisationId]);
    return true;
  }
  async involved(crn: string): Promise<string[]> {
    return this.involvement.get(crn) ?? [];
  }
  async saveOutcome(crn: string, outcome: ContactOutcome): Promise<boolean> {
    if (this.outcomes.has(crn)) return false;
    this.outcomes.set(crn, outcome);
    return true;
  }
  async outcome(crn: string): Promise<ContactOutcome | undefined> {
    return this.outcomes.get(crn);
  }
  async anonymiseOutcome(crn: string, marker: string): Promise<void> {
    const outcome = this.outcomes.get(crn);
    if (!outcome) return;
    const fields = PERSONAL_OUTCOME_FIELDS[outcome.kind].filter((field) => field in outcome.data);
    this.outcomes.set(crn, { ...outcome, data: { ...outcome.data, ...Object.fromEntries(fields.map((field) => [field, marker])) } } as ContactOutcome);
  }
}

const referral = (organisationId: string, siteVisitId: string): SiteVisitReferredV1 => ({
  siteVisitId,
  crn: CRN,
  mprn: '3938424403',
  contactType: 'DTL',
  transporterOrganisationId: organisationId,
  confirmStatus: 'LI',
  referredByUserId: 'cds.agent',
  dueOn: '2026-12-15',
  referredAt: '2026-12-01T09:00:00.000Z',
  organisationIds: [SHIPPER, organisationId],
});

const resolution: ContactResolvedV1 = {
  crn: CRN,
  contactType: 'DTL',
  mprn: '3938424403',
  outcome: 'INVALID',
  reasonCode: 'NOT_CONFIRMED',
  reason: 'Not confirmed on site.',
  automatic: false,
  requestedStatus: 'LI',
  meterPointStatusAtLogging: 'DE',
  originatorOrganisationId: SHIPPER,
  loggedByUserId: 'bwe.user',
  resolvedByUserId: 'cds.agent',
  resolvedAt: '2026-12-04T09:00:00.000Z',
  organisationIds: [SHIPPER, CADENT],
};

describe('the referral feed publisher', () => {
  let store: MemoryStore;
  let recorded: DomainEvent[];
  let topics: string[];
  let publisher: PartnerFeedPublisher;
  const to = (type: string) => recorded.filter((event) => event.type === type).map((event) => (event.data as { organisationId: string }).organisationId);

  beforeEach(() => {
    store = new MemoryStore();
    recorded = [];
    topics = [];
    const provisioning: PartnerTopicProvisioning = { ensureTopicOf: async (organisationId) => void topics.push(organisationId) };
    const outbox = { record: async (...events: DomainEvent[]) => void recorded.push(...events) } as EventOutbox;
    publisher = new PartnerFeedPublisher(store, provisioning, outbox);
  });

  it('tells the outcome to every transporter involved, and to nobody else', async () => {
    await publisher.referred(referral(CADENT, '11111111-1111-4111-8111-111111111111'));
    await publisher.contactResolved(resolution);
    expect(to(PartnerContactResolvedV1.type)).toEqual([CADENT]);
    expect(topics).toEqual([CADENT, CADENT]);
  });

  it('tells the outcome to a transporter involved only after it ended, once, whichever came first', async () => {
    await publisher.contactResolved(resolution);
    expect(recorded).toEqual([]);
    await publisher.referred(referral(NGN, '22222222-2222-4222-8222-222222222222'));
    await publisher.referred(referral(NGN, '33333333-3333-4333-8333-333333333333'));
    expect(recorded.map((event) => event.type)).toEqual([PartnerSiteVisitReferredV1.type, PartnerContactResolvedV1.type, PartnerSiteVisitReferredV1.type]);
    expect(to(PartnerContactResolvedV1.type)).toEqual([NGN]);
  });

  it('tells an outcome once even if the contact is reported ended twice', async () => {
    await publisher.referred(referral(CADENT, '11111111-1111-4111-8111-111111111111'));
    await publisher.contactResolved(resolution);
    await publisher.contactResolved({ ...resolution, outcome: 'VALID' });
    expect(to(PartnerContactResolvedV1.type)).toEqual([CADENT]);
  });
});
