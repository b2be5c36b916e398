import type { RequestedMeterPointStatus } from './requested-meter-point-status';
import { Rejections } from './rejection';
import { JsonObject, Problems, readBlock, readChoice, readPastDate, refuseUnknownFields } from './submitted-value';

/**
 * The work done at the meter point that an ISO contact reports (docs/domain.md "Mandatory items",
 * ISO): the date of the isolation work and its kind.
 */
export const ISOLATION_WORK_TYPES = ['SERVICE_REMOVED', 'CAPPED', 'CLAMPED', 'UNCAPPED', 'UNCLAMPED'] as const;

export type IsolationWorkType = (typeof ISOLATION_WORK_TYPES)[number];

export interface IsolationWork {
  /** YYYY-MM-DD, not in the future. */
  readonly workDate: string;
  readonly workType: IsolationWorkType;
}

export const ISOLATION_WORK_FIELDS = ['workDate', 'workType'] as const;

/**
 * The status the work implies: removing, capping or clamping the supply stops the gas (Dead);
 * uncapping or unclamping restores it (Live, which ISO allows only from Capped or Clamped).
 */
const IMPLIED_STATUS: Readonly<Record<IsolationWorkType, RequestedMeterPointStatus>> = {
  SERVICE_REMOVED: 'DE',
  CAPPED: 'DE',
  CLAMPED: 'DE',
  UNCAPPED: 'LI',
  UNCLAMPED: 'LI',
};

export function requestedStatusImpliedBy(workType: IsolationWorkType): RequestedMeterPointStatus {
  return IMPLIED_STATUS[workType];
}

const PATH = 'isolation';

/**
 * Reads the isolation work of an ISO contact. An absent block is read as an empty one, so each
 * mandatory item reports missing on its own field. When the requested status is known, a work
 * type that implies the other status is a fault on `isolation.workType`: the contact would ask
 * for one thing while its evidence says another.
 */
export function readIsolationWork(
  raw: unknown,
  requestedStatus: RequestedMeterPointStatus | null,
  todayEpochDay: number,
  problems: Problems,
): IsolationWork | null {
  const given = readBlock(raw, { field: PATH, label: 'The isolation work' }, problems);
  if (given === null) return null;
  const block: JsonObject = given ?? {};
  refuseUnknownFields(block, ISOLATION_WORK_FIELDS, PATH, problems);
  const before = problems.length;

  const workDate = readPastDate(
    block['workDate'],
    { field: `${PATH}.workDate`, label: 'The isolation work date', required: true, todayEpochDay },
    problems,
  );
  const workType = readChoice(
    block['workType'],
    {
      field: `${PATH}.workType`,
      label: 'The kind of isolation work',
      required: true,
      choices: ISOLATION_WORK_TYPES,
    },
    problems,
  );

  if (workType !== null && requestedStatus !== null) {
    const implied = requestedStatusImpliedBy(workType);
    if (implied !== requestedStatus) {
      problems.push(
        Rejections.mandatoryField(
          `${PATH}.workType`,
          `Work of kind ${workType} sets a meter point ${implied === 'DE' ? 'Dead (DE)' : 'Live (LI)'}, ` +
            `but the contact requests ${requestedStatus}.`,
        ),
      );
    }
  }

  if (problems.length > before || workDate === null || workType === null) return null;
  return { workDate, workType };
}
