import { isContactType } from './contact-type';

describe('contact type', () => {
  it('recognises DTL and ISO exactly', () => {
    expect(['DTL', 'ISO', 'dtl', 'MNC', 1].map(isContactType)).toEqual([true, true, false, false, false]);
  });
});
