import { describeMeterPointStatus, meterPointStatusCodeFor } from './meter-point-status';

describe('meter point status reference codes', () => {
  it('names a known code in words', () => {
    expect(describeMeterPointStatus('CL')).toBe('Clamped (CL)');
  });

  it('shows an unknown code as it is', () => {
    expect(describeMeterPointStatus('ZZ')).toBe('ZZ');
  });

  it('maps a requested status to the configured register code', () => {
    const codes = { live: 'L', dead: 'D', capped: 'C1', clamped: 'C2', extinct: 'X' };

    expect(meterPointStatusCodeFor('DE', codes)).toBe('D');
    expect(meterPointStatusCodeFor('LI', codes)).toBe('L');
  });
});
