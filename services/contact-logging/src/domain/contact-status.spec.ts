import { CONTACT_STATUSES, isContactStatus, isOpenContactStatus } from './contact-status';

describe('contact status', () => {
  it('counts LOGGED and UNDER_INVESTIGATION as open, RESOLVED and WITHDRAWN as closed', () => {
    expect(CONTACT_STATUSES.filter(isOpenContactStatus)).toEqual(['LOGGED', 'UNDER_INVESTIGATION']);
  });

  it('recognises only its own codes', () => {
    expect(isContactStatus('RESOLVED')).toBe(true);
    expect(isContactStatus('resolved')).toBe(false);
    expect(isContactStatus(undefined)).toBe(false);
  });
});
