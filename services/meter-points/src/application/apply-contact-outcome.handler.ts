import { Inject, Injectable } from '@nestjs/common';
import { MeterPointStatusChangedV1, MeterPointStatusChangeRefusedV1, type ContactResolvedV1 } from '@cms/contracts';
import { EventOutbox, Transactions } from '@cms/service-defaults';
import { decideStatusChange } from '../domain';
import { METER_POINT_REGISTER, type MeterPointRegister } from './meter-point-register.port';
import { METER_POINT_STATUS_CHANGES, type MeterPointStatusChanges } from './meter-point-status-changes.port';

/**
 * The register follows a contact's outcome (docs/domain.md, "Outcome"): a contact resolved VALID
 * has its requested status applied to the meter point, audited and announced
 * (MeterPointStatusChanged), when the meter point still has the status the contact was logged
 * against; otherwise the refusal is announced with its reason (MeterPointStatusChangeRefused), for
 * the agent on the contact's history. An INVALID outcome leaves the register alone.
 */
@Injectable()
export class ApplyContactOutcomeHandler {
  constructor(
    @Inject(METER_POINT_STATUS_CHANGES) private readonly statusChanges: MeterPointStatusChanges,
    @Inject(METER_POINT_REGISTER) private readonly register: MeterPointRegister,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(EventOutbox) private readonly events: EventOutbox,
  ) {}

  /** `eventId` is the ContactResolved event's id, kept in the change's audit row. */
  async handle(resolved: ContactResolvedV1, eventId: string): Promise<void> {
    if (resolved.outcome !== 'VALID') return;
    const statuses = await this.register.statuses();
    // The lock, the decision, the change and its event in one transaction: the decision reads the
    // status the change replaces, and the change is never committed without its event.
    await this.transactions.run(async () => {
      const now = new Date();
      const meterPoint = await this.statusChanges.lockForStatusChange(resolved.mprn);
      const decision = decideStatusChange(meterPoint, resolved, statuses);
      if (decision.decision === 'refuse') {
        const refused: MeterPointStatusChangeRefusedV1 = {
          mprn: resolved.mprn,
          crn: resolved.crn,
          code: decision.code,
          reason: decision.reason,
          requestedStatus: resolved.requestedStatus,
          expectedStatus: decision.expectedStatus,
          actualStatus: decision.actualStatus,
          refusedAt: now.toISOString(),
          organisationIds: resolved.organisationIds,
        };
        await this.events.record({ type: MeterPointStatusChangeRefusedV1.type, subject: resolved.mprn, data: refused, time: now });
        return;
      }
      await this.statusChanges.apply({
        mprn: decision.mprn,
        previousStatus: decision.previousStatus,
        status: decision.status,
        crn: resolved.crn,
        reasonCode: resolved.reasonCode,
        resolvedByUserId: resolved.resolvedByUserId,
        automatic: resolved.automatic,
        eventId,
        changedAt: now,
      });
      const changed: MeterPointStatusChangedV1 = {
        mprn: decision.mprn,
        previousStatus: decision.previousStatus,
        status: decision.status,
        crn: resolved.crn,
        transporterOrganisationId: decision.transporterId,
        changedAt: now.toISOString(),
        organisationIds: resolved.organisationIds,
      };
      await this.events.record({ type: MeterPointStatusChangedV1.type, subject: decision.mprn, data: changed, time: now });
    });
  }
}
