import { targetMeterPointStatus } from './target-meter-point-status';

describe('targetMeterPointStatus', () => {
  it('sets a DTL meter point Live', () => {
    expect(targetMeterPointStatus({ type: 'DTL' })).toBe('LI');
  });

  it('sets an ISO meter point to Dead when Dead was requested', () => {
    expect(targetMeterPointStatus({ type: 'ISO', requestedStatus: 'DE' })).toBe('DE');
  });

  it('sets an ISO meter point Live when Live was requested from Capped or Clamped', () => {
    expect(targetMeterPointStatus({ type: 'ISO', requestedStatus: 'LI' })).toBe('LI');
  });
});
