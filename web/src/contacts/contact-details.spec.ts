import { contactDetailSections } from './contact-details';

describe('a contact’s details', () => {
  it('names each item as the logging form does, in its section', () => {
    expect(
      contactDetailSections({
        originatorContact: { name: 'Sam Jones', telephone: '0161 496 0000', email: null },
        description: 'Gas in use.',
        dtlEvidence: { meterRead: { value: '04521', readDate: '2026-11-20' }, meterSerialNumber: 'G4A-00123456' },
      }),
    ).toEqual([
      {
        heading: "Originator's contact",
        rows: [
          { label: 'Name', value: 'Sam Jones' },
          { label: 'Telephone', value: '0161 496 0000' },
        ],
      },
      { heading: undefined, rows: [{ label: 'What the originator knows', value: 'Gas in use.' }] },
      {
        heading: 'Evidence that gas flows',
        rows: [
          { label: 'Meter read', value: '04521' },
          { label: 'Date of the read', value: '20 Nov 2026' },
          { label: 'Meter serial number', value: 'G4A-00123456' },
        ],
      },
    ]);
  });

  it('follows the order of the type’s items, whatever the order of the details', () => {
    const sections = contactDetailSections(
      {
        description: 'Gas in use.',
        dtlEvidence: { meterSerialNumber: 'G4A', meterRead: { value: '1' } },
        originatorContact: { email: 'a@b.example', name: 'Sam' },
      },
      [
        'originatorContact.name',
        'originatorContact.email',
        'description',
        'dtlEvidence.meterRead.value',
        'dtlEvidence.meterSerialNumber',
      ],
    );
    expect(sections.map((section) => [section.heading, section.rows.map((row) => row.label)])).toEqual([
      ["Originator's contact", ['Name', 'Email']],
      [undefined, ['What the originator knows']],
      ['Evidence that gas flows', ['Meter read', 'Meter serial number']],
    ]);
  });

  it('writes the alternative address on one line with where it came from, and isolation work in words', () => {
    expect(
      contactDetailSections({
        isolation: { workDate: '2026-11-18', workType: 'SERVICE_REMOVED' },
        alternativeAddress: {
          buildingNumber: '14',
          thoroughfare: 'Station Road',
          postTown: 'MANCHESTER',
          postcode: 'M20 4QT',
          udprn: '123',
          provenance: { source: 'ADDRESS_LOOKUP' },
        },
      }),
    ).toEqual([
      {
        heading: 'Isolation work',
        rows: [
          { label: 'Date of the work', value: '18 Nov 2026' },
          { label: 'Work done', value: 'Service removed' },
        ],
      },
      {
        heading: undefined,
        rows: [
          {
            label: 'Alternative address',
            value: '14, Station Road, MANCHESTER, M20 4QT (chosen with the postcode finder)',
          },
        ],
      },
    ]);
  });
});
