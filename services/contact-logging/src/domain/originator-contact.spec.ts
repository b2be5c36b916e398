import {
  isSaneEmailAddress,
  isUkTelephoneNumber,
  OriginatorContact,
  readOriginatorContact,
} from './originator-contact';
import type { Rejection } from './rejection';

function read(block: Record<string, unknown>): { contact: OriginatorContact | null; problems: Rejection[] } {
  const problems: Rejection[] = [];
  const contact = readOriginatorContact(block, 100, problems);
  return { contact, problems };
}

describe('isUkTelephoneNumber', () => {
  it.each([
    '020 7946 0000',
    '02079460000',
    '07700 900123',
    '01632 960 001',
    '+44 20 7946 0000',
    '+442079460000',
    '+44(0)2079460000',
    '0044 2079460000',
    '(01632) 960001',
    '0161-496-0000',
  ])('accepts %p', (text) => {
    expect(isUkTelephoneNumber(text)).toBe(true);
  });

  it.each([
    ['too short', '020 7946'],
    ['too long as typed', '020 7946 0000 0000'],
    ['not UK', '+33 1 23 45 67 89'],
    ['without the leading 0', '2079460000'],
    ['with letters', '020 7946 OOOO'],
    ['with a plus inside', '020+7946+0000'],
    ['too many digits', '020794600000'],
  ])('refuses a number %s (%p)', (_case, text) => {
    expect(isUkTelephoneNumber(text)).toBe(false);
  });
});

describe('isSaneEmailAddress', () => {
  it.each(['a@b.co', 'priya.shah+cms@shipper-a.example.co.uk'])('accepts %p', (text) => {
    expect(isSaneEmailAddress(text)).toBe(true);
  });

  it.each([
    'priya',
    'priya@',
    '@shipper.example',
    'priya@shipper',
    'priya shah@shipper.example',
    'a@b@c.example',
    'a@b..example',
    `${'a'.repeat(250)}@b.co`,
  ])('refuses %p', (text) => {
    expect(isSaneEmailAddress(text)).toBe(false);
  });
});

describe('readOriginatorContact', () => {
  it('accepts a name with a telephone number alone', () => {
    expect(read({ name: 'Priya', telephone: '020 7946 0000' }).contact).toEqual({
      name: 'Priya',
      telephone: '020 7946 0000',
      email: null,
    });
  });

  it('accepts a name with an email address alone', () => {
    expect(read({ name: 'Priya', email: 'p@shipper.example' }).problems).toEqual([]);
  });

  it('needs a telephone number or an email address, reported once on originatorContact', () => {
    expect(read({ name: 'Priya' }).problems).toEqual([
      {
        code: 'MANDATORY_FIELD',
        field: 'originatorContact',
        message: "The originator's telephone number or email address is required.",
      },
    ]);
  });

  it('refuses a malformed telephone number even when the email address is good', () => {
    const { problems } = read({ name: 'Priya', telephone: '12345', email: 'p@shipper.example' });

    expect(problems).toEqual([
      {
        code: 'MANDATORY_FIELD',
        field: 'originatorContact.telephone',
        message:
          "The originator's telephone number must be a UK telephone number of 10 to 16 characters, such as 020 7946 0000.",
      },
    ]);
  });

  it('refuses a malformed email address on its own field', () => {
    expect(read({ name: 'Priya', email: 'priya' }).problems.map((p) => p.field)).toEqual(['originatorContact.email']);
  });

  it('reports a missing name and a missing way to reach them as two entries', () => {
    expect(read({}).problems.map((p) => p.field)).toEqual(['originatorContact.name', 'originatorContact']);
  });
});
