import { toEpochDay } from '@cms/gas-market';
import { Rejection, Rejections } from './rejection';

/**
 * Readers for a submission as it arrives from parsed JSON: every value is `unknown` until read.
 * Each reader returns the normalised value, or null when the item is absent or at fault, and
 * records any fault in `problems` rather than throwing, so that every reason is returned at once
 * (docs/domain.md "Logging rules": rejected "with every reason that applies").
 */
export type Problems = Rejection[];

export type JsonObject = { readonly [key: string]: unknown };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * PD: for every item, undefined, null and blank text all mean "not given": web forms send "" for
 * an empty input, and a blank mandatory item is as missing as an absent one.
 */
export function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

// C0 and C1 control characters (line breaks and tabs included: the brief allows none), and the
// Unicode bidirectional overrides used to make text display differently from what it holds.
const CONTROL_CHARACTER = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
// Half of a surrogate pair on its own: JSON allows it, but it is not text and cannot be stored as UTF-8.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text may not be stored, phrased to follow "The <label> ", or null when it is fine. */
export function findTextFault(text: string): string | null {
  if (CONTROL_CHARACTER.test(text)) {
    return 'must not contain control characters such as line breaks or tabs';
  }
  if (LONE_SURROGATE.test(text)) return 'contains characters that are not valid text';
  return null;
}

// The same, less the line breaks and tabs a paragraph of free text (a note, a reason) may hold.
const CONTROL_CHARACTER_BUT_LAYOUT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** As findTextFault, for free text that may run over several lines. */
export function findMultilineTextFault(text: string): string | null {
  if (CONTROL_CHARACTER_BUT_LAYOUT.test(text)) return 'must not contain control characters other than line breaks and tabs';
  if (LONE_SURROGATE.test(text)) return 'contains characters that are not valid text';
  return null;
}

/** Length as a person counts it: code points, so an emoji is one character, not two. */
export function characterCount(text: string): number {
  return [...text].length;
}

export interface FieldRule {
  /** Dotted path reported in the rejection, e.g. `originatorContact.name`. */
  readonly field: string;
  /** How the message names the item, starting a sentence, e.g. `The originator's name`. */
  readonly label: string;
  readonly required: boolean;
}

function missing(rule: FieldRule, problems: Problems): null {
  if (rule.required) problems.push(Rejections.mandatoryField(rule.field, `${rule.label} is required.`));
  return null;
}

function malformed(rule: FieldRule, problem: string, problems: Problems): null {
  problems.push(Rejections.mandatoryField(rule.field, `${rule.label} ${problem}.`));
  return null;
}

export interface TextRule extends FieldRule {
  readonly maxLength: number;
  /** A shape the trimmed text must have, and how to say it, e.g. "must contain only letters". */
  readonly shape?: { readonly matches: (text: string) => boolean; readonly problem: string };
}

/** Free text: trimmed and NFC-normalised; control characters refused; length in characters. */
export function readText(raw: unknown, rule: TextRule, problems: Problems): string | null {
  if (isAbsent(raw)) return missing(rule, problems);
  if (typeof raw !== 'string') return malformed(rule, 'must be text', problems);
  const text = raw.normalize('NFC').trim();
  const fault = findTextFault(text);
  if (fault) return malformed(rule, fault, problems);
  if (characterCount(text) > rule.maxLength) {
    return malformed(rule, `must be at most ${rule.maxLength} characters`, problems);
  }
  if (rule.shape && !rule.shape.matches(text)) {
    return malformed(rule, rule.shape.problem, problems);
  }
  return text;
}

export interface DigitsRule extends FieldRule {
  readonly maxDigits: number;
}

/**
 * A number written as digits (meter read, UDPRN, UPRN): a JSON whole number, or a string of
 * ASCII digits. Returned as the digit string, leading zeros kept as given.
 */
export function readDigits(raw: unknown, rule: DigitsRule, problems: Problems): string | null {
  if (isAbsent(raw)) return missing(rule, problems);
  const digits =
    typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0
      ? String(raw)
      : typeof raw === 'string'
        ? raw.trim()
        : '';
  if (!new RegExp(`^[0-9]{1,${rule.maxDigits}}$`).test(digits)) {
    return malformed(rule, `must be a whole number of up to ${rule.maxDigits} digits`, problems);
  }
  return digits;
}

export interface ChoiceRule<T extends string> extends FieldRule {
  readonly choices: readonly T[];
}

/** One of a fixed list of codes, matched exactly (codes are case-sensitive in the API). */
export function readChoice<T extends string>(raw: unknown, rule: ChoiceRule<T>, problems: Problems): T | null {
  if (isAbsent(raw)) return missing(rule, problems);
  const choice = rule.choices.find((c) => c === (typeof raw === 'string' ? raw.trim() : raw));
  if (choice === undefined) {
    return malformed(rule, `must be one of: ${rule.choices.join(', ')}`, problems);
  }
  return choice;
}

export interface PastDateRule extends FieldRule {
  /** Today's date, YYYY-MM-DD, as whole days since 1970-01-01. */
  readonly todayEpochDay: number;
  /** The oldest accepted date, in days before today; unlimited when omitted. */
  readonly maxAgeDays?: number;
}

/** A calendar date `YYYY-MM-DD` that is not in the future (and, if limited, not too old). */
export function readPastDate(raw: unknown, rule: PastDateRule, problems: Problems): string | null {
  if (isAbsent(raw)) return missing(rule, problems);
  const text = typeof raw === 'string' ? raw.trim() : '';
  const day = toEpochDay(text);
  if (day === null) return malformed(rule, 'must be a real date written YYYY-MM-DD', problems);
  if (day > rule.todayEpochDay) return malformed(rule, 'must not be in the future', problems);
  if (rule.maxAgeDays !== undefined && rule.todayEpochDay - day > rule.maxAgeDays) {
    return malformed(rule, `must be no more than ${rule.maxAgeDays} days ago`, problems);
  }
  return text;
}

/**
 * A nested object of the submission. Returns `undefined` when absent, the object when present,
 * and null (recording the fault) when present but not an object, so its inner items are not read.
 */
export function readBlock(
  raw: unknown,
  rule: Omit<FieldRule, 'required'>,
  problems: Problems,
): JsonObject | null | undefined {
  if (isAbsent(raw)) return undefined;
  if (!isJsonObject(raw)) return malformed({ ...rule, required: true }, 'must be an object', problems);
  return raw;
}

/**
 * docs/api.md "Rules every route keeps": unknown fields are refused. A misspelt optional field
 * would otherwise be dropped without the sender ever knowing.
 */
export function refuseUnknownFields(
  block: JsonObject,
  known: readonly string[],
  path: string,
  problems: Problems,
): void {
  for (const key of Object.keys(block)) {
    if (known.includes(key)) continue;
    const shown = key.length > 64 ? `${key.slice(0, 64)}…` : key;
    const field = path === '' ? shown : `${path}.${shown}`;
    problems.push(Rejections.mandatoryField(field, `"${shown}" is not a recognised field.`));
  }
}
