import type { ProblemError } from '../api/problem';
import type { components } from '../api/schema';

export type ContactType = components['schemas']['ContactTypeResponse'];
export type ContactItem = components['schemas']['ContactItemResponse'];
export type LogContactRequest = components['schemas']['LogContactRequest'];

/** Every dotted path into a value: `dtlEvidence`, `dtlEvidence.meterRead`, `dtlEvidence.meterRead.value`. */
type PathsOf<T> = {
  [K in keyof T & string]: NonNullable<T[K]> extends string | number | boolean
    ? K
    : K | `${K}.${PathsOf<NonNullable<T[K]>>}`;
}[keyof T & string];

/** A field of a submission, as GET /contact-types names its items and a rejection names its field. */
export type SubmissionField = PathsOf<LogContactRequest>;

export type InputKind = 'text' | 'textarea' | 'date' | 'tel' | 'email' | 'numeric' | 'choice';

/** How the form shows an item; the API's own words (its rule) are the hint. */
export interface ItemPresentation {
  label: string;
  input: InputKind;
  autoComplete?: string;
}

/**
 * Labels for the items the API describes. Keyed by the request's own field paths (generated from
 * the OpenAPI document), so a field renamed in the API fails the typecheck here; an item the API
 * adds without a label here still shows, as a text field named by its path.
 */
const PRESENTATION: Partial<Record<SubmissionField, ItemPresentation>> = {
  requestedStatus: { label: 'Requested meter point status', input: 'choice' },
  'originatorContact.name': { label: 'Name', input: 'text', autoComplete: 'off' },
  'originatorContact.telephone': { label: 'Telephone', input: 'tel', autoComplete: 'off' },
  'originatorContact.email': { label: 'Email', input: 'email', autoComplete: 'off' },
  description: { label: 'What the originator knows', input: 'textarea' },
  'dtlEvidence.meterRead.value': { label: 'Meter read', input: 'numeric' },
  'dtlEvidence.meterRead.readDate': { label: 'Date of the read', input: 'date' },
  'dtlEvidence.meterSerialNumber': { label: 'Meter serial number', input: 'text' },
  'isolation.workDate': { label: 'Date of the work', input: 'date' },
  'isolation.workType': { label: 'Work done', input: 'choice' },
};

/** The fieldsets of the form: items are grouped by the first part of their path. */
const SECTIONS: Partial<Record<SubmissionField, string>> = {
  originatorContact: "Originator's contact",
  dtlEvidence: 'Evidence that gas flows',
  isolation: 'Isolation work',
};

/** How an item of a submission is named, and the section it belongs to: on the form and on the contact. */
export function itemName(field: string): { label: string; section?: string } {
  const path = field.includes('.') ? field.split('.')[0] : '';
  return {
    label: PRESENTATION[field as SubmissionField]?.label ?? field,
    section: path ? (SECTIONS[path as SubmissionField] ?? path) : undefined,
  };
}

/** Fields the form asks for itself (type and MPRN), and the optional alternative address block (the postcode finder's: addresses/postcode-finder). */
const NOT_ASKED_BY_ITEM = new Set(['type', 'mprn']);
const NOT_YET_ASKED_BLOCKS = ['alternativeAddress'];

export interface FormItem {
  field: string;
  label: string;
  input: InputKind;
  autoComplete?: string;
  hint: string;
  required: boolean;
  maxLength?: number;
  choices?: readonly string[];
}

export interface FormSection {
  /** The path shared by its items (`originatorContact`), or '' for items at the top of the submission. */
  path: string;
  legend?: string;
  items: FormItem[];
}

/** The items of a contact type the form asks for, in the API's order, grouped into sections. */
export function formSections(type: ContactType): FormSection[] {
  const sections: FormSection[] = [];
  for (const item of type.items) {
    if (!isAsked(item)) continue;
    const path = item.field.includes('.') ? item.field.split('.')[0] : '';
    let section = sections.find((candidate) => candidate.path === path);
    if (!section) {
      section = { path, legend: itemName(item.field).section, items: [] };
      sections.push(section);
    }
    const presentation = PRESENTATION[item.field as SubmissionField];
    const input = presentation?.input ?? (item.choices ? 'choice' : 'text');
    section.items.push({
      field: item.field,
      label: itemName(item.field).label,
      input,
      autoComplete: presentation?.autoComplete,
      // The rule names the format the API takes (YYYY-MM-DD); the form asks for day, month and year.
      hint: input === 'date' ? `${item.rule.replace(/,? ?YYYY-MM-DD/, '')} For example, 27 3 2026.` : item.rule,
      required: item.requirement === 'MANDATORY',
      maxLength: item.maxLength,
      choices: item.choices,
    });
  }
  return sections;
}

function isAsked(item: ContactItem): boolean {
  if (NOT_ASKED_BY_ITEM.has(item.field)) return false;
  if (NOT_YET_ASKED_BLOCKS.some((block) => item.field === block || item.field.startsWith(`${block}.`))) return false;
  // An item with one choice only (a DTL asks for LI and nothing else) has nothing to ask.
  return !(item.choices && item.choices.length === 1);
}

export type FormValues = Readonly<Record<string, string>>;

/**
 * The submission for the API: the type, the MPRN, every item given (nested by its path), and an
 * item with one choice, mandatory, set to it. Blank items are left out, for the API to name.
 */
export function submissionOf(type: ContactType, mprn: string, values: FormValues): LogContactRequest {
  const submission: Record<string, unknown> = { type: type.type, mprn: mprn.trim() };
  for (const item of type.items) {
    if (NOT_ASKED_BY_ITEM.has(item.field)) continue;
    const value =
      item.choices?.length === 1
        ? item.requirement === 'MANDATORY'
          ? item.choices[0]
          : undefined
        : values[item.field];
    if (value === undefined || value.trim() === '') continue;
    setPath(
      submission,
      item.field,
      PRESENTATION[item.field as SubmissionField]?.input === 'date' ? isoDateOf(value) : value,
    );
  }
  return submission as unknown as LogContactRequest;
}

function setPath(target: Record<string, unknown>, path: string, value: string): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node = (node[part] ??= {}) as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}

/**
 * What the form can tell before sending, as the API would (GET /contact-types states it): a
 * mandatory item left blank, none of a ONE_OF group given, an item over its length. Everything
 * else (the register, dates, formats) the API decides, and its reasons are shown the same way.
 */
export function missingItems(type: ContactType, values: FormValues): ProblemError[] {
  const asked = new Set(formSections(type).flatMap((section) => section.items.map((item) => item.field)));
  const given = (field: string) => (values[field] ?? '').trim() !== '';
  const errors: ProblemError[] = [];
  for (const item of type.items) {
    if (!asked.has(item.field) || item.withinOptionalBlock) continue;
    const { label } = itemName(item.field);
    if (item.requirement === 'MANDATORY' && !given(item.field)) {
      errors.push({ code: 'MANDATORY_FIELD', field: item.field, message: `Enter ${sentenceCase(label)}.` });
    } else if (
      PRESENTATION[item.field as SubmissionField]?.input === 'date' &&
      given(item.field) &&
      Object.values(dateParts(values[item.field])).some((part) => part === '')
    ) {
      errors.push({
        code: 'MANDATORY_FIELD',
        field: item.field,
        message: `${label} must have a day, a month and a year.`,
      });
    } else if (item.maxLength !== undefined && (values[item.field] ?? '').length > item.maxLength) {
      errors.push({
        code: 'MANDATORY_FIELD',
        field: item.field,
        message: `${label} must be ${item.maxLength} characters or fewer.`,
      });
    }
  }
  for (const group of type.groups) {
    if (group.withinOptionalBlock) continue;
    const members = type.items.filter((item) => item.group === group.name).map((item) => item.field);
    if (members.length > 0 && !members.some(given))
      errors.push({ code: 'MANDATORY_FIELD', field: group.rejectedOn, message: group.rule });
  }
  return errors;
}

function sentenceCase(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}

/** `SERVICE_REMOVED` → `Service removed`: how a choice without a name of its own reads. */
export function choiceLabel(choice: string): string {
  const words = choice.toLowerCase().replaceAll('_', ' ');
  return words[0].toUpperCase() + words.slice(1);
}

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/**
 * A date as the form holds it while it is typed, day, month and year apart (the GOV.UK date
 * pattern: no picker, the same in every browser's locale): `year-month-day` as typed, '' when blank.
 */
export function dateParts(value: string | undefined): DateParts {
  const [year = '', month = '', day = ''] = (value ?? '').split('-');
  return { day, month, year };
}

export function joinDateParts(parts: DateParts): string {
  return parts.day === '' && parts.month === '' && parts.year === '' ? '' : `${parts.year}-${parts.month}-${parts.day}`;
}

/** The date for the API, YYYY-MM-DD (`2026-3-7` → `2026-03-07`); a date missing a part goes as typed, for the API to refuse. */
export function isoDateOf(value: string): string {
  const { day, month, year } = dateParts(value);
  if (day === '' || month === '' || year === '') return value;
  return `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}
