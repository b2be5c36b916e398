import { meterPointStatusCodeFor } from './requested-meter-point-status';

describe('the requested meter point status', () => {
  it('stands for the default register codes', () => {
    expect(meterPointStatusCodeFor('DE')).toBe('DE');
    expect(meterPointStatusCodeFor('LI')).toBe('LI');
  });

  it('maps a requested status to the configured register code', () => {
    const codes = { live: 'L', dead: 'D', capped: 'C1', clamped: 'C2', extinct: 'X' };

    expect(meterPointStatusCodeFor('DE', codes)).toBe('D');
    expect(meterPointStatusCodeFor('LI', codes)).toBe('L');
  });
});
