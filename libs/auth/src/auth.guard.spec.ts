import { requiredScope } from './auth.guard';

describe('the scope a partner system token needs', () => {
  it('is <resource>:read to read and <resource>:write to change anything', () => {
    expect(requiredScope({ resource: 'contacts' }, 'GET')).toBe('contacts:read');
    expect(requiredScope({ resource: 'contacts' }, 'HEAD')).toBe('contacts:read');
    expect(requiredScope({ resource: 'contacts' }, 'POST')).toBe('contacts:write');
    expect(requiredScope({ resource: 'contacts' }, 'PATCH')).toBe('contacts:write');
  });

  it('is none to read reference data open to every signed-in caller', () => {
    expect(requiredScope({ resource: 'meter-points', readsOpenToAllPartners: true }, 'GET')).toBeNull();
    expect(requiredScope({ resource: 'meter-points', readsOpenToAllPartners: true }, 'POST')).toBe('meter-points:write');
  });
});
