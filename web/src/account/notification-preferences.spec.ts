import { alertKindName, alertKindsOf, DELIVERIES, preferenceChangesOf } from './notification-preferences';

describe('notification preferences', () => {
  it('names every choice and every alert kind, and shows an unknown kind by its code', () => {
    expect(DELIVERIES.map((delivery) => delivery.value)).toEqual(['IN_APP', 'IMMEDIATE', 'DAILY_DIGEST']);
    expect(alertKindName('CONTACT_RESOLVED')).toBe('A contact is resolved');
    expect(alertKindName('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });

  it('lists the kinds the API answered, known ones in a fixed order, then the rest', () => {
    expect(alertKindsOf({ OVERDUE: 'IN_APP', ZED: 'IN_APP', CONTACT_RESOLVED: 'IMMEDIATE', ALPHA: 'IN_APP' })).toEqual([
      'CONTACT_RESOLVED',
      'OVERDUE',
      'ALPHA',
      'ZED',
    ]);
  });

  it('sends only the choices that changed', () => {
    const saved = { CONTACT_RESOLVED: 'IN_APP', OVERDUE: 'IN_APP' } as const;
    expect(preferenceChangesOf(saved, { ...saved })).toBeUndefined();
    expect(preferenceChangesOf(saved, { CONTACT_RESOLVED: 'DAILY_DIGEST', OVERDUE: 'IN_APP' })).toEqual({
      CONTACT_RESOLVED: 'DAILY_DIGEST',
    });
  });
});
