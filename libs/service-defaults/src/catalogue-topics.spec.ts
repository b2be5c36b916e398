import { Topics } from '@cms/contracts';
import { catalogueServicePort, checkCatalogueTopics } from './platform.module';

class Handler {
  async handle(): Promise<void> {}
}

describe("a service's topics and its catalogue entry", () => {
  it("publishes to its entry's `produces`, when its consumers read exactly its `consumes`", () => {
    const consumers = [
      { name: 'contacts', topics: [Topics.contacts], handler: Handler },
      { name: 'timeline', topics: [Topics.clarifications, Topics.contacts], handler: Handler },
    ];
    expect(checkCatalogueTopics('probe', consumers, { produces: [Topics.siteVisits], consumes: [Topics.clarifications, Topics.contacts] })).toEqual({
      produces: [Topics.siteVisits],
    });
  });

  it('refuses to start when its consumers read a topic its entry does not list, or miss one it does, naming both lists', () => {
    const consumers = [{ name: 'contacts', topics: [Topics.contacts], handler: Handler }];
    expect(() => checkCatalogueTopics('probe', consumers, { produces: [], consumes: [] })).toThrow(
      "probe's consumers read [cms.contacts.v1] but its catalogue entry (libs/catalogue) consumes []: make them the same.",
    );
    expect(() => checkCatalogueTopics('probe', [], { produces: [], consumes: [Topics.contacts] })).toThrow(/read \[\] but .* consumes \[cms\.contacts\.v1\]/);
  });

  it("takes the port of the service's catalogue entry unless PORT is set", () => {
    expect(catalogueServicePort('contact-logging').read(undefined, 'PORT')).toBe(8083);
    expect(catalogueServicePort('contact-logging').read('9083', 'PORT')).toBe(9083);
    expect(() => catalogueServicePort('no-such-service')).toThrow('no service named no-such-service in the catalogue');
  });
});
