import {
  apiClientProblems,
  formFieldOf,
  newUserProblems,
  ROLE_NAMES,
  rolesFor,
  sameRoles,
  scopesFor,
  userStateWords,
} from './administration';

describe('user administration', () => {
  it('offers each organisation type the roles it may hold, each named', () => {
    expect(rolesFor('SHIPPER')).toEqual(['LSO', 'CONTACT_USER', 'SUPERVISOR']);
    expect(rolesFor('CDSP')).toEqual(['LSO', 'CDSP_AGENT', 'CDSP_ADMIN', 'SUPERVISOR']);
    expect(rolesFor('MRA')).toEqual(['LSO']);
    for (const type of ['SHIPPER', 'DN', 'IGT', 'CDSP', 'DMSP', 'MRA', 'UIP'] as const)
      for (const role of rolesFor(type)) expect(ROLE_NAMES[role].name).toMatch(/\w/);
  });

  it('offers a transporter the referral feed and a shipper the contacts it writes', () => {
    expect(scopesFor('DN')).toContain('referral-feed:read');
    expect(scopesFor('SHIPPER')).not.toContain('referral-feed:read');
    expect(scopesFor('SHIPPER')).toContain('contacts:write');
    expect(scopesFor('UIP')).toEqual(['meter-points:read', 'notifications:read']);
  });

  it('checks a new user and a new API client before sending, each reason on its field', () => {
    expect(
      newUserProblems({
        userId: 'tgs.rowan',
        displayName: 'Rowan Ellis',
        email: 'rowan@tgs.example',
        roles: ['CONTACT_USER'],
      }),
    ).toEqual([]);
    expect(
      newUserProblems({ userId: 'R', displayName: '', email: 'no', roles: [] }).map((problem) => problem.field),
    ).toEqual(['userId', 'displayName', 'email', 'roles']);
    expect(apiClientProblems('Billing', ['contacts:read'])).toEqual([]);
    expect(apiClientProblems(' ', [])).toEqual([
      { field: 'name', message: 'Enter what the partner system is.' },
      { field: 'scopes', message: 'Choose at least one scope.' },
    ]);
    expect(apiClientProblems('n'.repeat(101), ['contacts:read'])[0].message).toBe(
      'The name must be 100 characters or fewer.',
    );
  });

  it('says what state a user is in', () => {
    const now = new Date('2026-11-20T09:00:00Z');
    expect(userStateWords({ status: 'ACTIVE', lockedUntil: null, mustChangePassword: false }, now)).toEqual(['Active']);
    expect(
      userStateWords({ status: 'SUSPENDED', lockedUntil: '2026-11-20T09:10:00Z', mustChangePassword: true }, now),
    ).toEqual(['Suspended', 'Sign-in locked', 'Has a temporary password']);
    expect(userStateWords({ status: 'ACTIVE', lockedUntil: '2026-11-20T08:00:00Z' }, now)).toEqual(['Active']);
  });

  it('compares roles whatever their order, and reads a problem’s field as the form’s', () => {
    expect(sameRoles(['LSO', 'SUPERVISOR'], ['SUPERVISOR', 'LSO'])).toBe(true);
    expect(sameRoles(['LSO'], ['LSO', 'SUPERVISOR'])).toBe(false);
    expect(formFieldOf('roles.0')).toBe('roles');
    expect(formFieldOf('email')).toBe('email');
    expect(formFieldOf(undefined)).toBeUndefined();
  });
});
