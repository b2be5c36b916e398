import { matchPath, paths, safeReturnPath } from './paths';

describe('matchPath', () => {
  it('matches fixed segments and reads parameters, decoded', () => {
    expect(matchPath('/contacts', '/contacts')).toEqual({});
    expect(matchPath('/contacts/:crn', '/contacts/C000001234')).toEqual({ crn: 'C000001234' });
    expect(matchPath('/contacts/:crn', paths.contact('C 1/2'))).toEqual({ crn: 'C 1/2' });
    expect(matchPath('/contacts/:crn', '/contacts/C000001234/')).toEqual({ crn: 'C000001234' });
  });

  it('refuses other lengths, other segments and undecodable parameters', () => {
    expect(matchPath('/contacts/:crn', '/contacts')).toBeNull();
    expect(matchPath('/contacts/:crn', '/contacts/a/b')).toBeNull();
    expect(matchPath('/contacts/new', '/contacts/C000001234')).toBeNull();
    expect(matchPath('/contacts/:crn', '/contacts/%E0%A4%A')).toBeNull();
  });
});

describe('safeReturnPath', () => {
  it('keeps a path of this site', () => {
    expect(safeReturnPath('/contacts/C000001234?tab=history')).toBe('/contacts/C000001234?tab=history');
  });

  it('sends anything else home', () => {
    for (const candidate of [
      null,
      '',
      'https://evil.example',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
    ]) {
      expect(safeReturnPath(candidate)).toBe('/');
    }
  });
});
