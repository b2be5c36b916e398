import {
  JsonObject,
  Problems,
  readBlock,
  readDigits,
  readPastDate,
  readText,
  refuseUnknownFields,
} from './submitted-value';

/**
 * Evidence that gas is flowing at a Dead meter point (docs/domain.md "Mandatory items", DTL):
 * a meter read with its read date, and the meter serial number.
 */
export interface MeterRead {
  /** Digits as read from the dials, leading zeros kept (dials show them). */
  readonly value: string;
  /** YYYY-MM-DD, not in the future, not older than the configured maximum. */
  readonly readDate: string;
}

export interface DtlEvidence {
  readonly meterRead: MeterRead;
  readonly meterSerialNumber: string;
}

export const DTL_EVIDENCE_FIELDS = ['meterRead', 'meterSerialNumber'] as const;
export const METER_READ_FIELDS = ['value', 'readDate'] as const;

/** Up to 12 digits: the widest register read the legacy files carry. Whole units only. */
export const METER_READ_MAX_DIGITS = 12;

export const METER_SERIAL_NUMBER_MAX_LENGTH = 20;
const METER_SERIAL_NUMBER = new RegExp(`^[A-Za-z0-9-]{1,${METER_SERIAL_NUMBER_MAX_LENGTH}}$`);

const PATH = 'dtlEvidence';

/**
 * Reads DTL evidence. An absent block is read as an empty one, so each of its mandatory items
 * (read value, read date, serial number) reports missing on its own field.
 */
export function readDtlEvidence(
  raw: unknown,
  dates: { todayEpochDay: number; maxMeterReadAgeDays: number },
  problems: Problems,
): DtlEvidence | null {
  const block = readBlock(raw, { field: PATH, label: 'The DTL evidence' }, problems);
  if (block === null) return null;
  const evidence: JsonObject = block ?? {};
  refuseUnknownFields(evidence, DTL_EVIDENCE_FIELDS, PATH, problems);
  const before = problems.length;

  const meterReadBlock = readBlock(
    evidence['meterRead'],
    { field: `${PATH}.meterRead`, label: 'The meter read' },
    problems,
  );
  let meterRead: MeterRead | null = null;
  if (meterReadBlock !== null) {
    const read: JsonObject = meterReadBlock ?? {};
    refuseUnknownFields(read, METER_READ_FIELDS, `${PATH}.meterRead`, problems);
    const value = readDigits(
      read['value'],
      {
        field: `${PATH}.meterRead.value`,
        label: 'The meter read',
        required: true,
        maxDigits: METER_READ_MAX_DIGITS,
      },
      problems,
    );
    const readDate = readPastDate(
      read['readDate'],
      {
        field: `${PATH}.meterRead.readDate`,
        label: 'The meter read date',
        required: true,
        todayEpochDay: dates.todayEpochDay,
        // PD (configurable): an old read is no evidence that gas flows now.
        maxAgeDays: dates.maxMeterReadAgeDays,
      },
      problems,
    );
    if (value !== null && readDate !== null) meterRead = { value, readDate };
  }

  const meterSerialNumber = readText(
    evidence['meterSerialNumber'],
    {
      field: `${PATH}.meterSerialNumber`,
      label: 'The meter serial number',
      required: true,
      maxLength: METER_SERIAL_NUMBER_MAX_LENGTH,
      shape: {
        matches: (text) => METER_SERIAL_NUMBER.test(text),
        problem: 'must contain only letters, digits and hyphens',
      },
    },
    problems,
  );

  if (problems.length > before || meterRead === null || meterSerialNumber === null) return null;
  return { meterRead, meterSerialNumber };
}
