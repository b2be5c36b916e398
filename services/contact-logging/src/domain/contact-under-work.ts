import type { ContactStatus } from './contact-status';
import type { ContactType } from './contact-type';
import type { RequestedMeterPointStatus } from './requested-meter-point-status';

/** What the lifecycle commands read of a contact: its state, who is involved and who works it. */
export interface ContactUnderWork {
  readonly crn: string;
  readonly contactType: ContactType;
  readonly mprn: string;
  readonly status: ContactStatus;
  /** Bumped by every change: a command given against an older version is refused (412). */
  readonly version: number;
  readonly requestedStatus: RequestedMeterPointStatus;
  /** The register's status when it was logged: a VALID outcome applies only if it still holds. */
  readonly meterPointStatusAtLogging: string;
  readonly originatorOrganisationId: string;
  readonly originatorUserId: string;
  readonly transporterOrganisationId: string;
  /** The organisations involved besides the CDSP, which sees every contact. */
  readonly visibleTo: readonly string[];
  /** The CDSP agent investigating it; null until one takes it. */
  readonly investigatingAgentUserId: string | null;
  /** The user handling each other involved organisation's side of it, by organisation id. */
  readonly handlers: Readonly<Record<string, string>>;
  /** The meter point's LDZ: which working-day calendar counts its clocks; null if not known. */
  readonly ldz: string | null;
  /** Its resolution due date (`YYYY-MM-DD`); null for a contact logged before clocks were kept. */
  readonly dueOn: string | null;
  /** Since when its clock has been paused waiting on the originator; null while it runs. */
  readonly clockPausedOn: string | null;
}
