import { CDSP_ADMIN, CDSP_AGENT, CONTACT_USER, LSO, ROLES, rolesNotAllowedFor, SUPERVISOR, TRANSPORTER_USER } from './roles';
import { isShortCode } from './organisation';

describe('roles by organisation type', () => {
  it('lets every organisation have a Local Security Officer', () => {
    for (const type of ['SHIPPER', 'DN', 'IGT', 'CDSP'] as const) expect(rolesNotAllowedFor(type, [LSO])).toEqual([]);
  });

  it('lets every organisation that works contacts have a SUPERVISOR, who queues its work', () => {
    for (const type of ['SHIPPER', 'DN', 'IGT', 'CDSP'] as const) expect(rolesNotAllowedFor(type, [SUPERVISOR])).toEqual([]);
  });

  it('knows each role once', () => {
    expect(ROLES).toEqual([LSO, CONTACT_USER, TRANSPORTER_USER, CDSP_AGENT, CDSP_ADMIN, SUPERVISOR]);
  });

  it('keeps contact raising to shippers and site visits to transporters', () => {
    expect(rolesNotAllowedFor('SHIPPER', [CONTACT_USER, TRANSPORTER_USER])).toEqual([TRANSPORTER_USER]);
    expect(rolesNotAllowedFor('IGT', [TRANSPORTER_USER, CDSP_AGENT])).toEqual([CDSP_AGENT]);
  });

  it('refuses a role nobody knows', () => {
    expect(rolesNotAllowedFor('CDSP', ['SUPERUSER'])).toEqual(['SUPERUSER']);
  });
});

describe('organisation short codes', () => {
  it('are three capital letters', () => {
    expect(isShortCode('BWE')).toBe(true);
    expect(isShortCode('bwe')).toBe(false);
    expect(isShortCode('BW')).toBe(false);
    expect(isShortCode('BWE1')).toBe(false);
  });
});
