import type { Caller } from '@cms/auth';
import { ContactLoggedV1, createEnvelope, Topics, uuidv7, type ProblemError } from '@cms/contracts';
import { toOutboxRows } from '@cms/messaging';
import { currentTraceId } from '@cms/observability';
import {
  evaluateSubmission,
  readMprn,
  Rejections,
  type OpenContact,
  type Rejection,
  type ValidContactSubmission,
} from '../domain';
import type { MeterPointClient, RegisteredMeterPoint } from '../infrastructure/meter-point-client';
import type { ContactRepository } from '../infrastructure/contact.repository';
import type { CrnAllocator } from '../infrastructure/crn-allocator';
import { londonToday } from './london-today';

export type LogContactResult =
  | { accepted: true; crn: string; status: 'LOGGED'; loggedAt: string }
  | { accepted: false; rejections: ProblemError[] };

const UNIQUE_VIOLATION = '23505';

function isOpenContactConflict(error: unknown): boolean {
  const { code, constraint } = error as { code?: string; constraint?: string };
  return code === UNIQUE_VIOLATION && constraint === 'contact_one_open_per_mprn';
}

/**
 * Logs a DTL or ISO contact: every logging rule at once, then either a CRN (the contact, its first
 * history entry, its audit record and its ContactLogged event written together, in one statement)
 * or a recorded rejection.
 */
export class LogContactHandler {
  constructor(
    private readonly crns: CrnAllocator,
    private readonly contacts: ContactRepository,
    private readonly meterPoints: MeterPointClient,
  ) {}

  async handle(caller: Caller, submission: unknown, authorization: string): Promise<LogContactResult> {
    const mprn = readMprn(submission);
    const meterPoint = mprn ? await this.meterPoints.find(mprn, authorization) : null;
    const today = londonToday();
    const judge = (openContact: OpenContact | null) =>
      evaluateSubmission({
        submission,
        originator: { organisationId: caller.organisationId, organisationType: caller.organisationType },
        meterPoint,
        openContact,
        today,
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

  private async accept(caller: Caller, contact: ValidContactSubmission, meterPoint: RegisteredMeterPoint): Promise<LogContactResult> {
    const loggedAt = new Date();
    const crn = await this.crns.next();
    // The originator's organisation; transporters join when referred. CDSP agents see every
    // contact by their organisation type, so they are not listed per row.
    const visibleTo = [caller.organisationId];
    const logged: ContactLoggedV1 = {
      crn,
      contactType: contact.type,
      mprn: contact.mprn,
      status: 'LOGGED',
      requestedStatus: contact.requestedStatus,
      originatorOrganisationId: caller.organisationId,
      loggedByUserId: caller.userId,
      transporterOrganisationId: meterPoint.transporterId,
      registeredShipperOrganisationId: meterPoint.registeredShipperId,
      loggedAt: loggedAt.toISOString(),
      organisationIds: visibleTo,
    };
    await this.contacts.insertLogged(
      {
        crn,
        contactType: contact.type,
        mprn: contact.mprn,
        status: 'LOGGED',
        requestedStatus: contact.requestedStatus,
        originatorOrganisationId: caller.organisationId,
        originatorUserId: caller.userId,
        transporterOrganisationId: meterPoint.transporterId,
        registeredShipperOrganisationId: meterPoint.registeredShipperId,
        visibleTo,
        details: detailsOf(contact),
        loggedAt,
        history: {
          action: 'LOGGED',
          actorUserId: caller.userId,
          actorOrganisationId: caller.organisationId,
          detail: { contactType: contact.type, requestedStatus: contact.requestedStatus },
        },
        traceId: currentTraceId() ?? null,
      },
      toOutboxRows(Topics.contacts, [createEnvelope({ type: ContactLoggedV1.type, source: '/cms/contact-logging', subject: crn, data: logged, time: loggedAt })]),
    );
    return { accepted: true, crn, status: 'LOGGED', loggedAt: loggedAt.toISOString() };
  }

  private async reject(caller: Caller, submission: unknown, mprn: string | null, rejections: Rejection[]): Promise<LogContactResult> {
    await this.contacts.recordRejection({
      id: uuidv7(),
      submittedAt: new Date(),
      userId: caller.userId,
      organisationId: caller.organisationId,
      mprn: mprn && mprn.length <= 10 ? mprn : null,
      submission,
      rejections,
    });
    return {
      accepted: false,
      rejections: rejections.map(({ code, message, field }) => ({ code, message, ...(field ? { field } : {}) })),
    };
  }
}

function detailsOf(contact: ValidContactSubmission): Record<string, unknown> {
  const { type: _type, mprn: _mprn, requestedStatus: _requested, ...details } = contact;
  return details;
}
