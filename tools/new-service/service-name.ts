/**
 * What a new service may be called, and the forms of its name the generated code uses.
 */
import type { CatalogueRoute } from '@cms/catalogue';
import { databaseNameOf } from './catalogue-entry';

/** Kebab case, as the catalogue requires of every name (libs/catalogue's spec): a folder, a setting, a Kubernetes name. */
export const SERVICE_NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** PostgreSQL identifiers are at most 63 bytes, and the service's database is `cms_<name>`. */
export const SERVICE_NAME_MAX_LENGTH = 63 - 'cms_'.length;

/**
 * Names a service may not take, though no service has them: each would collide with something
 * the catalogue's generated files or a service's settings already use.
 */
export const RESERVED_SERVICE_NAMES: Readonly<Record<string, string>> = {
  postgres: 'docker-compose.yml runs PostgreSQL under this name',
  kafka: 'docker-compose.yml runs the Kafka broker under this name',
  jaeger: 'docker-compose.yml runs Jaeger under this name',
  database: "its callers' address setting would be DATABASE_URL, every service's own database",
  'auth-jwks': "its callers' address setting would be AUTH_JWKS_URL, where every service finds the token keys",
  smtp: "its callers' address setting would be SMTP_URL, access-control's mail server",
};

/** What a new name must not clash with: the catalogue's services (names, databases, routes), the folders under services/. */
export interface TakenNames {
  services: readonly { name: string; database?: string; routes: readonly CatalogueRoute[] }[];
  folders: readonly string[];
}

/** The public path prefix of a new service's routes in the catalogue (the gateway sends it everything under it). */
export function routePrefixOf(name: string): string {
  return `/api/v1/${name}`;
}

/** True when the gateway would send `path` to `route` (its prefix on a segment boundary, and its pattern). */
function routeCovers(route: CatalogueRoute, path: string): boolean {
  return (path === route.prefix || path.startsWith(`${route.prefix}/`)) && (!route.pattern || route.pattern.test(path));
}

/** Every reason `name` cannot be a new service's name; empty when it can. */
export function serviceNameProblems(name: string, taken: TakenNames): string[] {
  if (!SERVICE_NAME_PATTERN.test(name)) {
    return [
      `"${name}" is not kebab case (lower-case letters and digits in words joined by "-", starting with a letter)`,
    ];
  }
  if (taken.services.some((service) => service.name === name))
    return [`a service named "${name}" is in the catalogue already`];
  const problems: string[] = [];
  if (name.length > SERVICE_NAME_MAX_LENGTH) {
    problems.push(
      `"${name}" is longer than ${SERVICE_NAME_MAX_LENGTH} characters: its database, cms_<name>, would be too long for PostgreSQL`,
    );
  }
  if (name in RESERVED_SERVICE_NAMES) problems.push(`"${name}" is reserved: ${RESERVED_SERVICE_NAMES[name]}`);
  if (taken.folders.includes(name)) problems.push(`services/${name} exists already`);
  const database = databaseNameOf(name);
  const owner = taken.services.find((service) => service.database === database);
  if (owner) problems.push(`its database, ${database}, is ${owner.name}'s`);
  // Its routes must be its own: no route of another service under its prefix, and its prefix under none.
  const prefix = routePrefixOf(name);
  for (const service of taken.services) {
    for (const route of service.routes) {
      if (routeCovers(route, prefix) || route.prefix.startsWith(`${prefix}/`)) {
        const shown = route.pattern ? `${route.prefix} (${route.pattern})` : route.prefix;
        problems.push(`its routes (${prefix}) would overlap ${service.name}'s route ${shown}`);
      }
    }
  }
  return problems;
}

/** The forms of a name the generated code uses: `site-visits` → `siteVisits`, `SiteVisits`, `site_visits`. */
export interface NameForms {
  name: string;
  camelName: string;
  pascalName: string;
  snakeName: string;
}

export function nameForms(name: string): NameForms {
  const words = name.split('-');
  const pascalName = words.map((word) => word[0].toUpperCase() + word.slice(1)).join('');
  return { name, camelName: pascalName[0].toLowerCase() + pascalName.slice(1), pascalName, snakeName: words.join('_') };
}

/** The title a service gets when none is given: `site-visits` → `Site visits`. */
export function defaultTitle(name: string): string {
  const words = name.replaceAll('-', ' ');
  return words[0].toUpperCase() + words.slice(1);
}

/** Letters, digits, spaces and a few marks: a title goes into comments, string literals and YAML. */
const TITLE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ,.'&()/-]{0,59}$/;

/** Why `title` cannot be a service's title, or undefined when it can. */
export function titleProblem(title: string): string | undefined {
  return TITLE_PATTERN.test(title)
    ? undefined
    : `the title "${title}" must be 1 to 60 letters, digits, spaces and , . ' & ( ) / -, starting with a letter or digit`;
}
