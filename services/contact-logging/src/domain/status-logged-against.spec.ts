import { statusLoggedAgainst } from './status-logged-against';

describe('the status a contact stored without it was logged against', () => {
  it.each([
    [{ contactType: 'DTL', requestedStatus: 'LI' }, 'DE'],
    [{ contactType: 'ISO', requestedStatus: 'DE', isolationWorkType: 'SERVICE_REMOVED' }, 'LI'],
    [{ contactType: 'ISO', requestedStatus: 'LI', isolationWorkType: 'UNCAPPED' }, 'CA'],
    [{ contactType: 'ISO', requestedStatus: 'LI', isolationWorkType: 'UNCLAMPED' }, 'CL'],
  ] as const)('%j was logged against %s', (contact, expected) => {
    expect(statusLoggedAgainst(contact)).toBe(expected);
  });
});
