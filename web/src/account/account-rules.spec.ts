import {
  displayNameProblems,
  emailProblems,
  newPasswordProblems,
  profileChangeOf,
  profileProblems,
  resetTokenOf,
  telephoneProblems,
  userIdProblems,
} from './account-rules';

describe('the account forms, checked as the API checks them', () => {
  it('takes a user id of 3 to 64 lowercase letters, digits, dots, underscores or hyphens', () => {
    expect(userIdProblems('tgs.new-user_2')).toEqual([]);
    expect(userIdProblems('  ')).toEqual([{ field: 'userId', message: 'Enter the user id.' }]);
    for (const refused of ['ab', 'TGS.user', 'tgs user', 'a'.repeat(65), 'tgs@user'])
      expect(userIdProblems(refused)).toEqual([
        { field: 'userId', message: 'A user id is 3 to 64 lowercase letters, digits, dots, underscores or hyphens.' },
      ]);
  });

  it('takes a name of 1 to 200 characters and an email address of the right form', () => {
    expect(displayNameProblems('Rowan Ellis')).toEqual([]);
    expect(displayNameProblems(' ')).toEqual([{ field: 'displayName', message: 'Enter the name.' }]);
    expect(displayNameProblems('x'.repeat(201))[0].message).toBe('The name must be 200 characters or fewer.');
    expect(emailProblems('rowan.ellis@thistle-gas.example')).toEqual([]);
    expect(emailProblems('')[0].message).toBe('Enter the email address.');
    expect(emailProblems('rowan at thistle')[0].message).toMatch(/right form/);
    expect(emailProblems(`${'r'.repeat(250)}@x.uk`)[0].message).toMatch(/254 characters or fewer/);
  });

  it('takes no telephone, or one of 6 to 30 digits, spaces, brackets and hyphens with a leading +', () => {
    expect(telephoneProblems('')).toEqual([]);
    expect(telephoneProblems('+44 (0)161 496-0000')).toEqual([]);
    expect(telephoneProblems('call me')).toHaveLength(1);
    expect(telephoneProblems('12345')).toHaveLength(1);
  });

  it('asks for a new password typed twice alike, leaving its policy to the API', () => {
    expect(newPasswordProblems('', '')).toEqual([{ field: 'newPassword', message: 'Enter a new password.' }]);
    expect(newPasswordProblems('short', 'short')).toEqual([]);
    expect(newPasswordProblems('Heather-Kettle', 'Heather-Kettel')).toEqual([
      { field: 'confirmPassword', message: 'The passwords do not match.' },
    ]);
  });

  it('reads the token of a reset link, and nothing else', () => {
    const token = 'A'.repeat(40) + '-_9';
    expect(resetTokenOf(new URLSearchParams(`token=${token}`))).toBe(token);
    expect(resetTokenOf(new URLSearchParams('token=short'))).toBeUndefined();
    expect(resetTokenOf(new URLSearchParams(''))).toBeUndefined();
  });

  it('sends only what changed of a profile, an emptied telephone as null', () => {
    const saved = { displayName: 'Isla Fraser', email: 'isla@bwe.example', telephone: '0161 496 0000' };
    expect(
      profileChangeOf(saved, { displayName: ' Isla Fraser ', email: 'isla@bwe.example', telephone: '0161 496 0000' }),
    ).toBe(undefined);
    expect(profileChangeOf(saved, { displayName: 'Isla Ross', email: 'isla@bwe.example', telephone: '' })).toEqual({
      displayName: 'Isla Ross',
      telephone: null,
    });
    expect(profileChangeOf({ ...saved, telephone: null }, { ...saved, telephone: '' })).toBe(undefined);
    expect(profileProblems({ displayName: '', email: 'x', telephone: 'no' }).map((problem) => problem.field)).toEqual([
      'displayName',
      'email',
      'telephone',
    ]);
  });
});
