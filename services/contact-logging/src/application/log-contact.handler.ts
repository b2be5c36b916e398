import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import { ContactLoggedV1, uuidv7, type DomainEvent, type ProblemError } from '@cms/contracts';
import { currentTraceId } from '@cms/observability';
import {
  evaluateSubmission,
  readChosenUdprn,
  readMprn,
  type LookedUpAddress,
  Rejections,
  type OpenContact,
  type Rejection,
  type LoggingRulesConfig,
  type ValidContactSubmission,
} from '../domain';
import { ContactClock } from './contact-clock';
import { ContactRetention } from './contact-retention';
import { CONTACT_STORE, isOpenContactConflict, type ContactStore, type NewContact } from './contact-store.port';
import { londonToday } from '@cms/gas-market';
import { Clock, Transactions } from '@cms/service-defaults';
import { METER_POINT_REGISTER, type MeterPointRegister, type RegisteredMeterPoint } from './meter-point-register.port';
import { ADDRESS_LOOKUP, type AddressLookup } from './address-lookup.port';

/** The logging rules' product decisions as configured (contact-logging.config.ts, loggingRulesOf). */
export const LOGGING_RULES = Symbol('LOGGING_RULES');

export type LogContactResult =
  | { accepted: true; crn: string; status: 'LOGGED'; loggedAt: string }
  | { accepted: false; rejections: ProblemError[] };

/**
 * Logs a DTL or ISO contact: every logging rule at once, then either a CRN (the contact, its first
 * history entry, its audit record and its ContactLogged event written together, in one statement)
 * or a recorded rejection.
 */
@Injectable()
export class LogContactHandler {
  constructor(
    @Inject(CONTACT_STORE) private readonly contacts: ContactStore,
    @Inject(METER_POINT_REGISTER) private readonly meterPoints: MeterPointRegister,
    @Inject(ADDRESS_LOOKUP) private readonly addresses: AddressLookup,
    @Inject(ContactClock) private readonly clock: ContactClock,
    @Inject(Clock) private readonly time: Clock,
    @Inject(LOGGING_RULES) private readonly rules: LoggingRulesConfig,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(ContactRetention) private readonly retention: ContactRetention,
  ) {}

  async handle(caller: Caller, submission: unknown): Promise<LogContactResult> {
    const mprn = readMprn(submission);
    const udprn = readChosenUdprn(submission);
    // The register and the address look-up are asked together: the alternative address costs no extra wait.
    const [meterPoint, alternativeAddressLookedUp] = await Promise.all([
      mprn ? this.meterPoints.find(mprn) : null,
      udprn ? this.lookUpAddress(udprn) : null,
    ]);
    const today = londonToday(this.time.now());
    const judge = (openContact: OpenContact | null) =>
      evaluateSubmission({
        submission,
        originator: { organisationId: caller.organisationId, organisationType: caller.organisationType },
        meterPoint,
        openContact,
        today,
        rules: this.rules,
        alternativeAddressLookedUp,
      });
    // Judged first as if the meter point had no open contact: for a submission that passes every
    // other rule, the unique index contact_one_open_per_mprn has the last word when it is written,
    // so the common case costs one trip to the database instead of two.
    const decision = judge(null);
    if (!decision.accepted) {
      // Every reason at once, an open contact on the meter point among them.
      const openContact = mprn ? await this.contacts.findOpen(mprn, caller) : null;
      const complete = openContact ? judge(openContact) : decision;
      return this.reject(caller, submission, mprn, complete.accepted ? decision.rejections : complete.rejections);
    }

    try {
      return await this.accept(caller, decision.contact, meterPoint!);
    } catch (error) {
      // The meter point has an open contact already (logged earlier, or just now by a submission
      // racing this one): the only rule this submission breaks.
      if (isOpenContactConflict(error) && mprn) {
        // Closed again in between: still the rule this submission ran into, so it is named.
        const open = (await this.contacts.findOpen(mprn, caller)) ?? { crn: 'unknown', visibleToOriginator: false };
        return this.reject(caller, submission, mprn, [Rejections.openContactExists(mprn, open)]);
      }
      throw error;
    }
  }

  /** The delivery point a chosen UDPRN names, stamped with when it was looked up; null when none has it. */
  private async lookUpAddress(udprn: string): Promise<LookedUpAddress | null> {
    const found = await this.addresses.byUdprn(udprn);
    return found ? { address: found.address, lookedUpIn: found.source, lookedUpAt: this.time.now() } : null;
  }

  private async accept(caller: Caller, submission: ValidContactSubmission, meterPoint: RegisteredMeterPoint): Promise<LogContactResult> {
    const loggedAt = this.time.now();
    const contact: NewContact = {
      crn: await this.contacts.nextCrn(),
      contactType: submission.type,
      mprn: submission.mprn,
      status: 'LOGGED',
      requestedStatus: submission.requestedStatus,
      originatorOrganisationId: caller.organisationId,
      originatorUserId: caller.userId,
      transporterOrganisationId: meterPoint.transporterId,
      registeredShipperOrganisationId: meterPoint.registeredShipperId,
      meterPointStatusAtLogging: meterPoint.status,
      ldz: meterPoint.ldz,
      // Its reminder and overdue timers are set when its ContactLogged event comes back
      // (ContactClockStarter), keeping logging to one statement.
      dueOn: this.clock.dueOn(loggedAt, meterPoint.ldz),
      // The originator's organisation; transporters join when referred. CDSP agents see every
      // contact by their organisation type, so they are not listed per row.
      visibleTo: [caller.organisationId],
      details: detailsOf(submission),
      loggedAt,
      history: {
        action: 'LOGGED',
        actorUserId: caller.userId,
        actorOrganisationId: caller.organisationId,
        detail: { contactType: submission.type, requestedStatus: submission.requestedStatus },
      },
      traceId: currentTraceId() ?? null,
    };
    await this.contacts.insertLogged(contact, [contactLogged(contact)]);
    return { accepted: true, crn: contact.crn, status: 'LOGGED', loggedAt: loggedAt.toISOString() };
  }

  /** Records the rejection, and that its body goes after the retention period (README "Retention"), together. */
  private async reject(caller: Caller, submission: unknown, mprn: string | null, rejections: Rejection[]): Promise<LogContactResult> {
    const submittedAt = this.time.now();
    await this.transactions.run(async () => {
      await this.contacts.recordRejection({
        id: uuidv7(),
        submittedAt,
        userId: caller.userId,
        organisationId: caller.organisationId,
        mprn: mprn && mprn.length <= 10 ? mprn : null,
        submission,
        rejections,
      });
      await this.retention.submissionRejected(submittedAt);
    });
    return {
      accepted: false,
      rejections: rejections.map(({ code, message, field }) => ({ code, message, ...(field ? { field } : {}) })),
    };
  }
}

/** The ContactLogged event of a contact as it is stored: the row and the event come from one value. */
function contactLogged(contact: NewContact): DomainEvent<ContactLoggedV1> {
  return {
    type: ContactLoggedV1.type,
    subject: contact.crn,
    time: contact.loggedAt,
    data: {
      crn: contact.crn,
      contactType: contact.contactType,
      mprn: contact.mprn,
      status: contact.status,
      requestedStatus: contact.requestedStatus,
      originatorOrganisationId: contact.originatorOrganisationId,
      loggedByUserId: contact.originatorUserId,
      transporterOrganisationId: contact.transporterOrganisationId,
      registeredShipperOrganisationId: contact.registeredShipperOrganisationId,
      ldz: contact.ldz,
      loggedAt: contact.loggedAt.toISOString(),
      organisationIds: contact.visibleTo,
    },
  };
}

function detailsOf(contact: ValidContactSubmission): Record<string, unknown> {
  const { type: _type, mprn: _mprn, requestedStatus: _requested, ...details } = contact;
  return details;
}
