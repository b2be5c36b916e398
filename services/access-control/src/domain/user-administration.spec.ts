import { refuseRoles, refuseUserChange, refuseUserDeletion } from './user-administration';
import { isValidUserId } from './user-account';

describe('user administration rules', () => {
  it('lets an LSO suspend a colleague and change their roles', () => {
    expect(refuseUserChange('bwe.lso', { userId: 'bwe.user' }, 'SHIPPER', { status: 'SUSPENDED', roles: ['CONTACT_USER'] })).toBeUndefined();
  });

  it('stops an LSO suspending themselves', () => {
    expect(refuseUserChange('bwe.lso', { userId: 'bwe.lso' }, 'SHIPPER', { status: 'SUSPENDED' })).toMatchObject({ code: 'CANNOT_SUSPEND_SELF' });
  });

  it('stops an LSO removing their own LSO role but lets them add others', () => {
    expect(refuseUserChange('bwe.lso', { userId: 'bwe.lso' }, 'SHIPPER', { roles: ['CONTACT_USER'] })).toMatchObject({
      code: 'CANNOT_REMOVE_OWN_LSO_ROLE',
    });
    expect(refuseUserChange('bwe.lso', { userId: 'bwe.lso' }, 'SHIPPER', { roles: ['LSO', 'CONTACT_USER'] })).toBeUndefined();
  });

  it('refuses roles the organisation type may not hold, naming them', () => {
    expect(refuseUserChange('bwe.lso', { userId: 'bwe.user' }, 'SHIPPER', { roles: ['CDSP_ADMIN', 'CONTACT_USER'] })).toMatchObject({
      code: 'ROLE_NOT_ALLOWED',
      roles: ['CDSP_ADMIN'],
    });
    expect(refuseRoles('CDSP', ['CDSP_AGENT', 'CDSP_ADMIN', 'LSO'])).toBeUndefined();
  });
});

describe('user ids', () => {
  it('are 3 to 64 lowercase letters, digits, dots, underscores or hyphens', () => {
    expect(isValidUserId('bwe.new_user-2')).toBe(true);
    expect(isValidUserId('ab')).toBe(false);
    expect(isValidUserId('a'.repeat(65))).toBe(false);
    expect(isValidUserId('BWE.user')).toBe(false);
    expect(isValidUserId('bwe user')).toBe(false);
  });
});

describe('deleting a user', () => {
  it('is refused to the LSO on their own account, allowed on anyone else of the organisation', () => {
    expect(refuseUserDeletion('bwe.lso', { userId: 'bwe.lso' })).toMatchObject({ code: 'CANNOT_DELETE_SELF' });
    expect(refuseUserDeletion('bwe.lso', { userId: 'bwe.user' })).toBeUndefined();
  });
});
