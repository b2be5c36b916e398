import { isVisibleTo, type LoggedContact } from './logged-contact';

const ORIGINATOR = 'b39b394d-4352-47f1-9cab-919d828cf087';
const CDSP = 'dcb0354e-c0fc-4a6b-98ba-cfd60cd99599';
const ANOTHER_SHIPPER = '5f0c2a9e-6d1b-4e8a-9c3f-2b7d8e9a0c1d';

const contact: LoggedContact = {
  crn: 'C000001234',
  contactType: 'DTL',
  mprn: '3938424403',
  loggedAt: new Date('2026-12-01T09:30:00Z'),
  organisationIds: [ORIGINATOR, CDSP],
};

describe('who may see a logged contact', () => {
  it('shows it to every organisation its event named: the originator and the CDSP', () => {
    expect(isVisibleTo(contact, ORIGINATOR)).toBe(true);
    expect(isVisibleTo(contact, CDSP)).toBe(true);
  });

  it('hides it from any other organisation', () => {
    expect(isVisibleTo(contact, ANOTHER_SHIPPER)).toBe(false);
  });
});
