import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueEntries } from '@cms/catalogue';
import {
  CATALOGUE_END,
  catalogueEntrySource,
  databaseNameOf,
  nextFreePort,
  stringLiteral,
  withCatalogueEntry,
  type NewCatalogueEntry,
} from './catalogue-entry';

const CATALOGUE_SOURCE = readFileSync(join(__dirname, '../../libs/catalogue/src/service-catalogue.ts'), 'utf8');

const siteVisits: NewCatalogueEntry = {
  name: 'site-visits',
  title: 'Site visits',
  port: 8084,
  database: 'cms_site_visits',
  routePrefix: '/api/v1/site-visits',
};

describe("a new service's catalogue entry", () => {
  it('takes the port after the highest in the catalogue', () => {
    expect(nextFreePort(catalogueEntries)).toBe(Math.max(...catalogueEntries.map((entry) => entry.port)) + 1);
    expect(nextFreePort([{ port: 8080 }, { port: 8090 }, { port: 8081 }])).toBe(8091);
    expect(() => nextFreePort([{ port: 65_535 }])).toThrow(/no port is left/);
  });

  it('names its database cms_<name with _>, as every service in the catalogue', () => {
    expect(databaseNameOf('site-visits')).toBe('cms_site_visits');
    for (const entry of catalogueEntries.filter((candidate) => candidate.role === 'service')) {
      expect(databaseNameOf(entry.name)).toBe(entry.database);
    }
  });

  it('is written as the catalogue writes its entries', () => {
    expect(catalogueEntrySource(siteVisits)).toBe(`  {
    name: 'site-visits',
    title: 'Site visits',
    role: 'service',
    port: 8084,
    database: 'cms_site_visits',
    routes: [{ prefix: '/api/v1/site-visits' }],
    produces: [],
    // Contacts logged (src/infrastructure/contact-logged.consumer.ts).
    consumes: [Topics.contacts],
    calls: [],
    secrets: [],
  },
`);
    expect(catalogueEntrySource({ ...siteVisits, title: "Shippers' alerts" })).toContain(`title: "Shippers' alerts",`);
  });

  it('goes last in the list, just above its closing line, the rest of the catalogue unchanged', () => {
    const entry = catalogueEntrySource(siteVisits);

    const updated = withCatalogueEntry(CATALOGUE_SOURCE, entry);

    const [head, tail] = CATALOGUE_SOURCE.split(`${CATALOGUE_END}\n`);
    expect(head.endsWith('    secrets: [],\n  },\n')).toBe(true);
    expect(updated).toBe(`${head}${entry}${CATALOGUE_END}\n${tail}`);
  });

  it('refuses a catalogue whose list does not close on exactly one line it recognises', () => {
    const entry = catalogueEntrySource(siteVisits);
    expect(() => withCatalogueEntry(CATALOGUE_SOURCE.replace(CATALOGUE_END, '] as const;'), entry)).toThrow(
      /exactly one line .* it has 0/,
    );
    expect(() => withCatalogueEntry(`${CATALOGUE_SOURCE}\n${CATALOGUE_END}\n`, entry)).toThrow(/it has 2/);
  });

  it('quotes a title as prettier would', () => {
    expect(stringLiteral('Site visits')).toBe("'Site visits'");
    expect(stringLiteral("Shippers' alerts")).toBe(`"Shippers' alerts"`);
    expect(() => stringLiteral('Say "hi"')).toThrow(/double quote/);
  });
});
