import { lacksRoleToLogContacts } from './permissions';

describe('lacksRoleToLogContacts', () => {
  const person = { isPartnerSystem: false } as const;

  it('lets a shipper with the CONTACT_USER role log', () => {
    expect(lacksRoleToLogContacts({ ...person, organisationType: 'SHIPPER', roles: ['CONTACT_USER'] })).toBe(false);
    expect(lacksRoleToLogContacts({ ...person, organisationType: 'SHIPPER', roles: ['LSO', 'CONTACT_USER'] })).toBe(false);
  });

  it('stops a shipper without it, such as the organisation\'s LSO', () => {
    expect(lacksRoleToLogContacts({ ...person, organisationType: 'SHIPPER', roles: ['LSO'] })).toBe(true);
    expect(lacksRoleToLogContacts({ ...person, organisationType: 'SHIPPER', roles: [] })).toBe(true);
  });

  it('leaves people of organisations that may not log at all to the ORG_NOT_PERMITTED rule', () => {
    expect(lacksRoleToLogContacts({ ...person, organisationType: 'DN', roles: ['TRANSPORTER_USER'] })).toBe(false);
    expect(lacksRoleToLogContacts({ ...person, organisationType: 'CDSP', roles: ['CDSP_AGENT'] })).toBe(false);
  });

  it('follows the configured organisation types', () => {
    const rules = { permittedOrganisationTypes: { DTL: ['SHIPPER', 'IGT'], ISO: ['SHIPPER'] } } as const;
    expect(lacksRoleToLogContacts({ ...person, organisationType: 'IGT', roles: ['TRANSPORTER_USER'] }, rules)).toBe(true);
  });

  it('holds partner systems to their scopes instead of roles', () => {
    expect(lacksRoleToLogContacts({ organisationType: 'SHIPPER', roles: [], isPartnerSystem: true })).toBe(false);
  });
});
