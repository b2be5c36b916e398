import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { knownEventTypes } from './event-registry';
import { Topics } from './topics';

/** The AsyncAPI document is for partners; it must not drift from the schemas the code validates. */
describe('the AsyncAPI document', () => {
  const document = readFileSync(join(__dirname, '..', 'asyncapi.yaml'), 'utf8');

  it('is AsyncAPI 3', () => {
    expect(document).toMatch(/^asyncapi: 3\.0\.0$/m);
  });

  it.each(knownEventTypes())('documents the event type %s', (type) => {
    expect(document).toContain(`name: ${type}`);
  });

  it('documents the contacts topic and its dead-letter topic', () => {
    expect(document).toContain(`address: ${Topics.contacts}\n`);
    expect(document).toContain(`address: ${Topics.contacts}.dlt\n`);
  });

  it('documents the access topic', () => {
    expect(document).toContain(`address: ${Topics.access}\n`);
  });
});
