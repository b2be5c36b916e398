import {
  DEFAULT_METER_POINT_STATUS_CODES,
  DEFAULT_METER_POINT_STATUSES,
  describeMeterPointStatus,
  meterPointStatusRole,
  statusCodes,
} from './meter-point-status';

describe('the default meter point status reference data', () => {
  it('has the five statuses of docs/domain.md, in order', () => {
    expect(DEFAULT_METER_POINT_STATUSES).toEqual([
      { code: 'LI', name: 'Live' },
      { code: 'DE', name: 'Dead' },
      { code: 'CA', name: 'Capped' },
      { code: 'CL', name: 'Clamped' },
      { code: 'EX', name: 'Extinct' },
    ]);
    expect(statusCodes()).toEqual(['LI', 'DE', 'CA', 'CL', 'EX']);
  });

  it('gives each part its code, CA and CL being product-decision codes', () => {
    expect(DEFAULT_METER_POINT_STATUS_CODES).toEqual({ live: 'LI', dead: 'DE', capped: 'CA', clamped: 'CL', extinct: 'EX' });
  });

  it('lists the codes of any reference list, not only the default', () => {
    expect(statusCodes([{ code: 'LI', name: 'Live' }, { code: 'XX', name: 'Unknown' }])).toEqual(['LI', 'XX']);
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(DEFAULT_METER_POINT_STATUSES)).toBe(true);
    expect(Object.isFrozen(DEFAULT_METER_POINT_STATUSES[0])).toBe(true);
    expect(Object.isFrozen(DEFAULT_METER_POINT_STATUS_CODES)).toBe(true);
  });
});

describe('meterPointStatusRole', () => {
  it('names the part a code plays', () => {
    expect(meterPointStatusRole('CL')).toBe('clamped');
    expect(meterPointStatusRole('EX')).toBe('extinct');
  });

  it('follows configured codes', () => {
    const codes = { live: 'L', dead: 'D', capped: 'C1', clamped: 'C2', extinct: 'X' };
    expect(meterPointStatusRole('C2', codes)).toBe('clamped');
    expect(meterPointStatusRole('CL', codes)).toBeNull();
  });

  it('gives no part to a code outside the map', () => {
    expect(meterPointStatusRole('ZZ')).toBeNull();
  });
});

describe('describeMeterPointStatus', () => {
  it('names a known code in words', () => {
    expect(describeMeterPointStatus('CL')).toBe('Clamped (CL)');
    expect(describeMeterPointStatus('DE')).toBe('Dead (DE)');
  });

  it('shows an unknown code as it is', () => {
    expect(describeMeterPointStatus('ZZ')).toBe('ZZ');
  });

  it('names a configured code by the part it plays', () => {
    const codes = { ...DEFAULT_METER_POINT_STATUS_CODES, dead: 'DD' };
    expect(describeMeterPointStatus('DD', codes)).toBe('Dead (DD)');
    expect(describeMeterPointStatus('DE', codes)).toBe('DE');
  });
});
