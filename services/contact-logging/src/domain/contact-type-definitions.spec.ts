import { parseSubmission } from './contact-submission-parser';
import { dtlSubmission, isoSubmission, TODAY, withItem } from './contact-submission.fixture';
import { contactTypeDefinition, type ContactItemDefinition } from './contact-type-definitions';
import { resolveLoggingRulesConfig } from './logging-rules-config';

const ADDRESS = { postcode: 'SW1A 1AA', buildingNumber: '10', thoroughfare: 'Downing Street' };
const rules = { descriptionMaxLength: 300, originatorNameMaxLength: 40, maxMeterReadAgeDays: 90 };

/** The fields a submission is rejected on. */
function rejectedFields(submission: unknown): (string | undefined)[] {
  return parseSubmission(submission, { today: TODAY, rules }).rejections.map((rejection) => rejection.field);
}

/** A value one longer than `item` allows, of the kind the item takes. */
function tooLong(item: ContactItemDefinition): string {
  const length = item.maxLength! + 1;
  if (item.field.endsWith('email')) return `${'a'.repeat(length - 8)}@mail.uk`;
  if (/meterRead\.value|udprn|uprn|telephone/.test(item.field)) return '1'.repeat(length);
  return 'x'.repeat(length);
}

describe.each([
  ['DTL', dtlSubmission],
  ['ISO', isoSubmission],
] as const)('the %s definition (GET /contact-types) against the rules it describes', (type, valid) => {
  const definition = contactTypeDefinition(type, rules);
  const submission = { ...valid(), alternativeAddress: ADDRESS };

  it('starts from a submission the rules accept', () => {
    expect(rejectedFields(submission)).toEqual([]);
  });

  it.each(definition.items.map((item) => [item.field, item] as const))('%s: as mandatory as it says', (field, item) => {
    const without = rejectedFields(withItem(submission, field, undefined));
    if (item.requirement === 'MANDATORY') return expect(without).toContain(field);
    if (item.requirement === 'OPTIONAL') return expect(without).toEqual([]);
    // One of a group: refused on the group's field when no other item of the group is given.
    const group = definition.groups.find((candidate) => candidate.name === item.group)!;
    const others = definition.items.filter((other) => other.group === item.group && other.field !== field);
    const othersGiven = others.some((other) => other.field.split('.').reduce<any>((node, key) => node?.[key], submission) !== undefined);
    expect(without).toEqual(othersGiven ? [] : [group.rejectedOn]);
  });

  it.each(definition.items.filter((item) => item.maxLength !== undefined).map((item) => [item.field, item] as const))(
    '%s: refused one character past the length it states',
    (field, item) => {
      expect(rejectedFields(withItem(submission, field, tooLong(item)))).toContain(field);
      // …and not at the length itself, where the item takes free text or digits.
      if (!/email|telephone|meterSerialNumber|postcode/.test(field)) {
        expect(rejectedFields(withItem(submission, field, tooLong({ ...item, maxLength: item.maxLength! - 1 })))).toEqual([]);
      }
    },
  );

  it.each(definition.items.filter((item) => item.choices).map((item) => [item.field, item] as const))('%s: only the choices it lists', (field) => {
    expect(rejectedFields(withItem(submission, field, 'XX'))).toContain(field);
  });

  it('groups the items of which one is needed: either alone is enough, neither is refused on the group', () => {
    const group = definition.items.filter((item) => item.group === 'originatorContactMeans');
    expect(group.map((item) => item.field)).toEqual(['originatorContact.telephone', 'originatorContact.email']);
    const withBoth = withItem(withItem(submission, 'originatorContact.telephone', '020 7946 0000'), 'originatorContact.email', 'a@b.example');
    for (const item of group) expect(rejectedFields(withItem(withBoth, item.field, undefined))).toEqual([]);
    expect(rejectedFields(withItem(withItem(withBoth, 'originatorContact.telephone', undefined), 'originatorContact.email', undefined))).toEqual(['originatorContact']);
  });

  it('describes every item the rules ask for: an empty submission of the type is refused only on items it lists', () => {
    const described = new Set([...definition.items.map((item) => item.field), ...definition.groups.map((group) => group.rejectedOn)]);
    const refused = rejectedFields({ type });
    expect(refused.length).toBeGreaterThan(3);
    for (const field of refused) expect(described).toContain(field);
  });

  it('states the configured limits, not the defaults', () => {
    const byField = new Map(definition.items.map((item) => [item.field, item]));
    expect(byField.get('description')!.maxLength).toBe(300);
    expect(byField.get('originatorContact.name')!.maxLength).toBe(40);
    if (type === 'DTL') expect(byField.get('dtlEvidence.meterRead.readDate')!.rule).toContain('90 days');
    expect(contactTypeDefinition(type).items.find((item) => item.field === 'description')!.maxLength).toBe(resolveLoggingRulesConfig().descriptionMaxLength);
  });
});
