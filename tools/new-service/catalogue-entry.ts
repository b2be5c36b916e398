/**
 * A new service's entry in the service catalogue (libs/catalogue/src/service-catalogue.ts): its
 * values, picked by the catalogue's conventions, and its text, inserted where the catalogue says
 * a new service goes.
 */

/** The values of a new entry; the rest (role, produces, calls, secrets) is the same for every generated service. */
export interface NewCatalogueEntry {
  name: string;
  title: string;
  port: number;
  database: string;
  routePrefix: string;
}

/** The line that closes the catalogue's list: a new entry goes just above it. */
export const CATALOGUE_END = '] as const satisfies readonly ServiceEntry[];';

/** The port after the highest in the catalogue, so that services keep their ports in the order they were added. */
export function nextFreePort(entries: readonly { port: number }[]): number {
  const port = Math.max(...entries.map((entry) => entry.port)) + 1;
  if (port > 65_535) throw new Error(`no port is left above the catalogue's highest (${port - 1})`);
  return port;
}

/** Every service's database is `cms_<name with _>` (the catalogue's entries, tools/outbox.ts' `--service`). */
export function databaseNameOf(name: string): string {
  return `cms_${name.replaceAll('-', '_')}`;
}

/** The entry as the catalogue writes one, indented to sit in its list. */
export function catalogueEntrySource(entry: NewCatalogueEntry): string {
  return `  {
    name: '${entry.name}',
    title: ${stringLiteral(entry.title)},
    role: 'service',
    port: ${entry.port},
    database: '${entry.database}',
    routes: [{ prefix: '${entry.routePrefix}' }],
    produces: [],
    // Contacts logged (src/infrastructure/contact-logged.consumer.ts).
    consumes: [Topics.contacts],
    calls: [],
    secrets: [],
  },
`;
}

/** The catalogue's source with `entrySource` as its last entry; throws unless it has exactly one closing line. */
export function withCatalogueEntry(catalogueSource: string, entrySource: string): string {
  const lines = catalogueSource.split('\n');
  const closing = lines.flatMap((line, index) => (line === CATALOGUE_END ? [index] : []));
  if (closing.length !== 1) {
    throw new Error(`the catalogue must have exactly one line "${CATALOGUE_END}", it has ${closing.length}`);
  }
  lines.splice(closing[0], 0, entrySource.replace(/\n$/, ''));
  return lines.join('\n');
}

/**
 * A TypeScript string literal as prettier writes one: single quotes, double quotes around text
 * with an apostrophe. Titles (service-name.ts) hold neither double quotes nor backslashes.
 */
export function stringLiteral(text: string): string {
  if (/["\\]/.test(text)) throw new Error(`no string literal for ${text}: it has a double quote or a backslash`);
  return text.includes("'") ? `"${text}"` : `'${text}'`;
}
