import { readFileSync } from 'node:fs';
import { ZIPKIN_POM, ZIPKIN_VERSION } from './local-zipkin';

describe('the local Zipkin', () => {
  it('fetches the version it runs: the pom names ZIPKIN_VERSION', () => {
    expect(readFileSync(ZIPKIN_POM, 'utf8')).toContain(`<zipkin.version>${ZIPKIN_VERSION}</zipkin.version>`);
  });
});
