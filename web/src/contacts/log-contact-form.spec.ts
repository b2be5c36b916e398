import {
  choiceLabel,
  dateParts,
  formSections,
  isoDateOf,
  joinDateParts,
  missingItems,
  submissionOf,
  type ContactType,
} from './log-contact-form';

// The shape GET /contact-types/DTL answers (services/contact-logging's definitions), cut down.
const dtl: ContactType = {
  type: 'DTL',
  name: 'Dead to Live',
  purpose: 'A meter point set to Dead is live.',
  items: [
    { field: 'type', requirement: 'MANDATORY', rule: 'DTL.', choices: ['DTL'] },
    { field: 'mprn', requirement: 'MANDATORY', rule: 'The MPRN.' },
    { field: 'requestedStatus', requirement: 'OPTIONAL', rule: 'LI or nothing.', choices: ['LI'] },
    { field: 'originatorContact.name', requirement: 'MANDATORY', rule: 'Up to 100 characters.', maxLength: 100 },
    {
      field: 'originatorContact.telephone',
      requirement: 'ONE_OF',
      group: 'originatorContactMeans',
      rule: 'A telephone.',
      maxLength: 16,
    },
    {
      field: 'originatorContact.email',
      requirement: 'ONE_OF',
      group: 'originatorContactMeans',
      rule: 'An email.',
      maxLength: 254,
    },
    { field: 'description', requirement: 'MANDATORY', rule: 'Up to 2000 characters.', maxLength: 2000 },
    { field: 'dtlEvidence.meterRead.value', requirement: 'MANDATORY', rule: 'Digits.', maxLength: 12 },
    {
      field: 'dtlEvidence.meterRead.readDate',
      requirement: 'MANDATORY',
      rule: 'When the read was taken, YYYY-MM-DD: not in the future.',
    },
    { field: 'alternativeAddress', requirement: 'OPTIONAL', rule: 'Another address.' },
    {
      field: 'alternativeAddress.postcode',
      requirement: 'MANDATORY',
      withinOptionalBlock: 'alternativeAddress',
      rule: 'A postcode.',
    },
    { field: 'somethingNew', requirement: 'OPTIONAL', rule: 'An item this web app has no label for.' },
  ],
  groups: [
    {
      name: 'originatorContactMeans',
      rule: 'A telephone number or an email address of the originator’s contact.',
      rejectedOn: 'originatorContact',
    },
    {
      name: 'addressPremises',
      rule: 'A building.',
      rejectedOn: 'alternativeAddress',
      withinOptionalBlock: 'alternativeAddress',
    },
  ],
};

const iso: ContactType = {
  ...dtl,
  type: 'ISO',
  items: [
    { field: 'type', requirement: 'MANDATORY', rule: 'ISO.', choices: ['ISO'] },
    { field: 'requestedStatus', requirement: 'MANDATORY', rule: 'DE or LI.', choices: ['DE', 'LI'] },
    {
      field: 'isolation.workType',
      requirement: 'MANDATORY',
      rule: 'What was done.',
      choices: ['SERVICE_REMOVED', 'UNCAPPED'],
    },
  ],
  groups: [],
};

describe('the log-a-contact form', () => {
  it('asks for the items of the type in sections, with the API’s rule as the hint', () => {
    const sections = formSections(dtl);
    expect(sections.map((section) => [section.path, section.legend, section.items.map((item) => item.field)])).toEqual([
      [
        'originatorContact',
        "Originator's contact",
        ['originatorContact.name', 'originatorContact.telephone', 'originatorContact.email'],
      ],
      ['', undefined, ['description', 'somethingNew']],
      ['dtlEvidence', 'Evidence that gas flows', ['dtlEvidence.meterRead.value', 'dtlEvidence.meterRead.readDate']],
    ]);
    const [name, telephone] = sections[0].items;
    expect(name).toEqual({
      field: 'originatorContact.name',
      label: 'Name',
      input: 'text',
      autoComplete: 'off',
      hint: 'Up to 100 characters.',
      required: true,
      maxLength: 100,
      choices: undefined,
    });
    expect(telephone.required).toBe(false);
    expect(sections[1].items[1]).toEqual(expect.objectContaining({ label: 'somethingNew', input: 'text' }));
  });

  it('asks for a choice only where there is more than one', () => {
    expect(
      formSections(iso).flatMap((section) => section.items.map((item) => [item.field, item.input, item.choices])),
    ).toEqual([
      ['requestedStatus', 'choice', ['DE', 'LI']],
      ['isolation.workType', 'choice', ['SERVICE_REMOVED', 'UNCAPPED']],
    ]);
  });

  it('sends every item given, nested by its path, and leaves blanks out for the API to name', () => {
    const values = {
      'originatorContact.name': 'Sam Jones',
      'originatorContact.telephone': '0161 496 0000',
      'originatorContact.email': '  ',
      description: 'Gas in use.',
      'dtlEvidence.meterRead.value': '04521',
      'dtlEvidence.meterRead.readDate': '2026-11-5',
    };
    expect(submissionOf(dtl, ' 3938424403 ', values)).toEqual({
      type: 'DTL',
      mprn: '3938424403',
      originatorContact: { name: 'Sam Jones', telephone: '0161 496 0000' },
      description: 'Gas in use.',
      dtlEvidence: { meterRead: { value: '04521', readDate: '2026-11-05' } },
    });
  });

  it('asks for a date as day, month and year, in every browser the same', () => {
    const readDate = formSections(dtl)[2].items[1];
    expect([readDate.input, readDate.hint]).toEqual([
      'date',
      'When the read was taken: not in the future. For example, 27 3 2026.',
    ]);
    expect(dateParts('2026-3-')).toEqual({ year: '2026', month: '3', day: '' });
    expect(dateParts('')).toEqual({ year: '', month: '', day: '' });
    expect(joinDateParts({ day: '7', month: '3', year: '2026' })).toBe('2026-3-7');
    expect(joinDateParts({ day: '', month: '', year: '' })).toBe('');
    expect([isoDateOf('2026-3-7'), isoDateOf('2026--7')]).toEqual(['2026-03-07', '2026--7']);
  });

  it('names a date missing a part', () => {
    const errors = missingItems(dtl, {
      'originatorContact.name': 'Sam',
      'originatorContact.email': 'sam@example.com',
      description: 'x',
      'dtlEvidence.meterRead.value': '1',
      'dtlEvidence.meterRead.readDate': '2026--7',
    });
    expect(errors).toEqual([
      {
        code: 'MANDATORY_FIELD',
        field: 'dtlEvidence.meterRead.readDate',
        message: 'Date of the read must have a day, a month and a year.',
      },
    ]);
  });

  it('sets a mandatory item of one choice, and leaves an optional one out', () => {
    const isoWithFixedChoice: ContactType = {
      ...iso,
      items: [...iso.items, { field: 'isolation.fixed', requirement: 'MANDATORY', rule: 'X.', choices: ['X'] }],
    };
    expect(
      submissionOf(isoWithFixedChoice, '1', { requestedStatus: 'DE', 'isolation.workType': 'SERVICE_REMOVED' }),
    ).toEqual({
      type: 'ISO',
      mprn: '1',
      requestedStatus: 'DE',
      isolation: { workType: 'SERVICE_REMOVED', fixed: 'X' },
    });
    expect(submissionOf(dtl, '1', {})).toEqual({ type: 'DTL', mprn: '1' });
  });

  it('names each mandatory item left blank, an item too long, and a group with none given', () => {
    const errors = missingItems(dtl, {
      'originatorContact.name': 'x'.repeat(101),
      description: 'Gas in use.',
      'dtlEvidence.meterRead.value': '1',
    });
    expect(errors).toEqual([
      { code: 'MANDATORY_FIELD', field: 'originatorContact.name', message: 'Name must be 100 characters or fewer.' },
      { code: 'MANDATORY_FIELD', field: 'dtlEvidence.meterRead.readDate', message: 'Enter date of the read.' },
      {
        code: 'MANDATORY_FIELD',
        field: 'originatorContact',
        message: 'A telephone number or an email address of the originator’s contact.',
      },
    ]);
  });

  it('finds nothing missing in a complete form', () => {
    const values = {
      'originatorContact.name': 'Sam Jones',
      'originatorContact.email': 'sam@example.com',
      description: 'Gas in use.',
      'dtlEvidence.meterRead.value': '1',
      'dtlEvidence.meterRead.readDate': '2026-11-20',
    };
    expect(missingItems(dtl, values)).toEqual([]);
  });

  it('reads a choice without a name of its own', () => {
    expect([choiceLabel('SERVICE_REMOVED'), choiceLabel('UNCAPPED')]).toEqual(['Service removed', 'Uncapped']);
  });
});
