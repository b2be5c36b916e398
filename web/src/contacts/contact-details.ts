import { formatDate } from '../format/dates';
import { choiceLabel, itemName } from './log-contact-form';

export interface DetailSection {
  heading?: string;
  rows: { label: string; value: string }[];
}

/** The PAF fields of an address in the order an address is written (postcode last). */
const ADDRESS_ORDER = [
  'organisation',
  'department',
  'subBuildingName',
  'buildingName',
  'buildingNumber',
  'poBox',
  'dependentThoroughfare',
  'thoroughfare',
  'doubleDependentLocality',
  'dependentLocality',
  'postTown',
  'county',
  'postcode',
];

/**
 * A contact's details as logged (`details`: originator's contact, description, evidence or
 * isolation work, alternative address), named as the logging form names them, in sections, in the
 * order of `fields` (the items of its type, GET /contact-types) and anything else after them.
 */
export function contactDetailSections(
  details: Record<string, unknown>,
  fields: readonly string[] = [],
): DetailSection[] {
  const found: { field: string; heading?: string; label: string; value: string }[] = [];
  const add = (field: string, heading: string | undefined, label: string, value: string) =>
    found.push({ field, heading, label, value });
  const walk = (value: unknown, path: string) => {
    if (path === 'alternativeAddress') return addAddress(value);
    if (value === null || value === undefined) return;
    if (typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
      return;
    }
    const { label, section } = itemName(path);
    add(path, section, label, show(path, value));
  };
  const addAddress = (address: unknown) => {
    if (typeof address !== 'object' || address === null) return;
    const fields = address as Record<string, unknown>;
    const provenance = fields.provenance as { source?: string } | undefined;
    const source =
      provenance?.source === 'ADDRESS_LOOKUP'
        ? ' (chosen with the postcode finder)'
        : provenance?.source === 'TYPED'
          ? ' (typed)'
          : '';
    add('alternativeAddress', undefined, 'Alternative address', `${addressText(fields)}${source}`);
  };
  walk(details, '');
  const rank = (field: string) => (fields.includes(field) ? fields.indexOf(field) : fields.length);
  const sections: DetailSection[] = [];
  for (const row of [...found].sort((a, b) => rank(a.field) - rank(b.field))) {
    let section = sections.find((candidate) => candidate.heading === row.heading);
    if (!section) sections.push((section = { heading: row.heading, rows: [] }));
    section.rows.push({ label: row.label, value: row.value });
  }
  return sections;
}

/** An address (PAF fields) on one line, as it is written: `12 Mill Lane, Preston, PR2 9QZ`. */
export function addressText(fields: Record<string, unknown>): string {
  return ADDRESS_ORDER.map((field) => fields[field])
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .join(', ');
}

function show(path: string, value: unknown): string {
  const text = String(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(text);
  if (path.endsWith('workType')) return choiceLabel(text);
  return text;
}
