import { CDSP_ADMIN, CDSP_AGENT, CONTACT_USER, LSO, SUPERVISOR } from './roles';
import { userDirectoryAccess } from './user-directory';

describe('who may read an organisation’s users', () => {
  const own = 'b39b394d-4352-47f1-9cab-919d828cf087';
  const other = 'c3f47655-09ea-480e-9700-a397bc4fae46';
  const shipper = (...roles: string[]) => ({ organisationId: own, organisationType: 'SHIPPER' as const, roles });

  it('shows the whole account to the organisation’s LSO, even one who is also a supervisor', () => {
    expect(userDirectoryAccess(shipper(LSO), own)).toBe('ACCOUNT');
    expect(userDirectoryAccess(shipper(SUPERVISOR, LSO), own)).toBe('ACCOUNT');
  });

  it('shows a supervisor their colleagues only', () => {
    expect(userDirectoryAccess(shipper(CONTACT_USER, SUPERVISOR), own)).toBe('COLLEAGUE');
  });

  it('refuses anyone else of the organisation', () => {
    expect(userDirectoryAccess(shipper(CONTACT_USER), own)).toBe('FORBIDDEN');
    expect(userDirectoryAccess(shipper(), own)).toBe('FORBIDDEN');
  });

  it('hides another organisation from its LSO and supervisor alike', () => {
    expect(userDirectoryAccess(shipper(LSO), other)).toBe('HIDDEN');
    expect(userDirectoryAccess(shipper(SUPERVISOR), other)).toBe('HIDDEN');
    expect(userDirectoryAccess(shipper(CONTACT_USER), other)).toBe('HIDDEN');
  });

  it('shows a CDSP administrator any organisation’s accounts, and a CDSP agent none', () => {
    const cdsp = (...roles: string[]) => ({ organisationId: own, organisationType: 'CDSP' as const, roles });
    expect(userDirectoryAccess(cdsp(CDSP_ADMIN), other)).toBe('ACCOUNT');
    expect(userDirectoryAccess(cdsp(CDSP_AGENT), other)).toBe('HIDDEN');
    expect(userDirectoryAccess(cdsp(CDSP_AGENT), own)).toBe('FORBIDDEN');
  });

  it('takes the CDSP_ADMIN role seriously only in the CDSP', () => {
    expect(userDirectoryAccess(shipper(CDSP_ADMIN), other)).toBe('HIDDEN');
  });
});
