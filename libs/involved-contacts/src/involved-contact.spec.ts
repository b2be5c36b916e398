import { involves, isOpen, withOrganisations } from './involved-contact';

const SHIPPER = '00000000-0000-4000-8000-000000000001';
const DN = '00000000-0000-4000-8000-000000000002';
const OTHER_SHIPPER = '00000000-0000-4000-8000-000000000003';
const CDSP = '00000000-0000-4000-8000-000000000004';

describe('an involved contact', () => {
  const contact = { organisationIds: [SHIPPER, CDSP] };

  it('involves the organisations it names, and the CDSP whatever it names', () => {
    expect(involves(contact, { organisationId: SHIPPER, organisationType: 'SHIPPER' })).toBe(true);
    expect(involves({ organisationIds: [SHIPPER] }, { organisationId: CDSP, organisationType: 'CDSP' })).toBe(true);
  });

  it('does not involve another shipper, nor a transporter not yet referred or asked', () => {
    expect(involves(contact, { organisationId: OTHER_SHIPPER, organisationType: 'SHIPPER' })).toBe(false);
    expect(involves(contact, { organisationId: DN, organisationType: 'DN' })).toBe(false);
  });

  it('is open while logged or under investigation, not once resolved or withdrawn', () => {
    expect(isOpen({ status: 'LOGGED' })).toBe(true);
    expect(isOpen({ status: 'UNDER_INVESTIGATION' })).toBe(true);
    expect(isOpen({ status: 'RESOLVED' })).toBe(false);
    expect(isOpen({ status: 'WITHDRAWN' })).toBe(false);
  });

  it('only gains organisations: an older set arriving late removes nobody', () => {
    expect(withOrganisations([SHIPPER, CDSP], [DN, SHIPPER])).toEqual([SHIPPER, CDSP, DN]);
    expect(withOrganisations([SHIPPER, CDSP, DN], [SHIPPER, CDSP])).toEqual([SHIPPER, CDSP, DN]);
  });
});
