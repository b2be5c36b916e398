import { DEMO_PASSWORD } from '@cms/demo-data';
import { AccessSeedRefused, readAccessSeed } from './access-seed';

const organisation = { id: '3f1c1a52-5f0e-4d55-9b43-1d0f9f0a7c01', shortCode: 'BWE', name: 'Bright Water Energy', type: 'SHIPPER' };
const user = {
  userId: 'bwe.user',
  displayName: 'Alex Example',
  email: 'bwe.user@example.test',
  organisationShortCode: 'BWE',
  roles: ['CONTACT_USER'],
  password: DEMO_PASSWORD,
};

function problemsOf(raw: unknown): string[] {
  try {
    readAccessSeed(raw);
  } catch (error) {
    if (error instanceof AccessSeedRefused) return error.problems;
    throw error;
  }
  throw new Error('the seed was accepted');
}

describe('readAccessSeed', () => {
  it('accepts organisations and users that keep every rule', () => {
    expect(readAccessSeed({ organisations: [organisation], users: [user] })).toEqual({ organisations: [organisation], users: [user] });
  });

  it('refuses anything but an object with both lists', () => {
    for (const raw of [null, [], { organisations: [] }, { users: [] }, { organisations: {}, users: [] }]) {
      expect(problemsOf(raw)).toEqual(['it must be a JSON object with the arrays "organisations" and "users"']);
    }
  });

  it('names every broken rule at once, with where it is', () => {
    const problems = problemsOf({
      organisations: [{ ...organisation, shortCode: 'bw', type: 'GASCO', id: 'not-a-uuid' }],
      users: [
        { ...user, userId: 'Bad User', roles: ['NOT_A_ROLE'] },
        { ...user, userId: 'bwe.lso', password: 'short' },
      ],
    });
    expect(problems).toEqual([
      'organisations[0].id: not a UUID',
      'organisations[0].shortCode: not three capital letters',
      'organisations[0].type: not an organisation type',
      'users[0].userId: 3 to 64 lowercase letters, digits, dots, underscores and hyphens',
      'users[0].roles: a non-empty list of known roles',
      expect.stringMatching(/^users\[1\]\.password: /),
    ]);
  });

  it('refuses a role not allowed for the organisation type, and a user id given twice', () => {
    const problems = problemsOf({
      organisations: [organisation],
      users: [user, { ...user, roles: ['TRANSPORTER_USER'] }],
    });
    expect(problems).toEqual(['users[1].userId: bwe.user appears twice', 'users[1].roles: TRANSPORTER_USER not allowed for a SHIPPER organisation']);
  });

  it('says what is wrong in its message, one problem a line', () => {
    expect(() => readAccessSeed({ organisations: [{ ...organisation, name: '' }], users: [] })).toThrow(
      'the seed is refused:\n  - organisations[0].name: missing',
    );
  });
});
