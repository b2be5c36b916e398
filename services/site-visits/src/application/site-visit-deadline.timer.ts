import { Inject, Injectable } from '@nestjs/common';
import { SiteVisitDeadlineReachedV1 } from '@cms/contracts';
import { InvolvedContacts, withOrganisations } from '@cms/involved-contacts';
import { Clock, EventOutbox, type Timer, type TimerHandler } from '@cms/service-defaults';
import { isOpenSiteVisit } from '../domain';
import { SITE_VISIT_TIMERS, type SiteVisitTimerPayload } from './site-visit-clock';
import { SITE_VISIT_STORE, type SiteVisitStore } from './site-visit-store.port';

/**
 * A visit's finding is a working day away (REMINDER) or overdue (OVERDUE): announced
 * (SiteVisitDeadlineReached) for the contact's timeline and the alerts. Nothing when the visit no
 * longer waits on the transporter (declined, reported, cancelled) or its due date is not the one the
 * timer was set for.
 */
@Injectable()
export class SiteVisitDeadlineTimer implements TimerHandler<SiteVisitTimerPayload> {
  constructor(
    @Inject(SITE_VISIT_STORE) private readonly visits: SiteVisitStore,
    @Inject(InvolvedContacts) private readonly contacts: InvolvedContacts,
    @Inject(EventOutbox) private readonly events: EventOutbox,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async fire(timer: Timer<SiteVisitTimerPayload>): Promise<void> {
    const { siteVisitId, crn, dueOn } = timer.payload;
    const contact = await this.contacts.lock(crn);
    const visit = await this.visits.lock(siteVisitId);
    if (!contact || !visit || !isOpenSiteVisit(visit) || visit.dueOn !== dueOn) return;
    const now = this.clock.now();
    const data: SiteVisitDeadlineReachedV1 = {
      siteVisitId: visit.id,
      crn: visit.crn,
      transporterOrganisationId: visit.transporterOrganisationId,
      organisationIds: withOrganisations(contact.organisationIds, [visit.transporterOrganisationId]),
      stage: timer.kind === SITE_VISIT_TIMERS.findingReminder ? 'REMINDER' : 'OVERDUE',
      dueOn,
      reachedAt: now.toISOString(),
    };
    await this.events.record({ type: SiteVisitDeadlineReachedV1.type, subject: crn, time: now, data });
  }
}
