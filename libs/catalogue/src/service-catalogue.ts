import { Topics, type TopicName } from '@cms/contracts';

/**
 * The service catalogue: every CMS service once. The local stack (tools/stack.ts), the gateway's
 * route table and upstream settings, docker-compose.yml and deploy/k8s are built from it
 * (`npm run catalogue -- write` regenerates the files, `-- check` finds drift), so adding a service
 * is its own folder under services/ plus one entry here. See docs/architecture.md, "One way to
 * build a service".
 */

/** One path the gateway sends to a service. */
export interface CatalogueRoute {
  /** Path prefix, under /api/v1, matched on a segment boundary. */
  readonly prefix: string;
  /** When set, the route covers only the paths under its prefix that match this pattern. */
  readonly pattern?: RegExp;
  /**
   * Reachable without an access token (sign-in and its companions). A token sent anyway is
   * forwarded, and the service decides what it means (an LSO resetting a user's password).
   */
  readonly public?: boolean;
  /** Also takes application/x-www-form-urlencoded bodies (the OAuth 2 token endpoint). */
  readonly acceptForm?: boolean;
}

/**
 * A secret a service reads from its environment. Every one is a 256-bit key, base64
 * (`openssl rand -base64 32`): `npm start` makes one per data folder, compose passes a demo value
 * unless the variable is set, Kubernetes reads it from the cms-secrets Secret under the same name.
 */
export interface CatalogueSecret {
  /** The environment variable, and its key in the cms-secrets Secret. */
  readonly setting: string;
  /** What it protects, in a sentence. */
  readonly purpose: string;
}

/** Kubernetes requests and limits for one pod (quantities as Kubernetes writes them). */
export interface ResourceHints {
  readonly cpuRequest: string;
  readonly memoryRequest: string;
  readonly cpuLimit: string;
  readonly memoryLimit: string;
}

export interface ServiceEntry {
  /** The folder under services/, the process, container, Deployment and Service name. */
  readonly name: string;
  readonly title: string;
  /**
   * `gateway`: the one public entry point, in front of every service that has routes.
   * `service`: a NestJS service on the platform module (its own database, the outbox, Kafka).
   */
  readonly role: 'gateway' | 'service';
  /** Its port on a developer's machine (`npm start`) and in compose; unique. */
  readonly port: number;
  /** Its own PostgreSQL database, unique; none for the gateway. */
  readonly database?: string;
  /** The public paths the gateway sends to it. */
  readonly routes: readonly CatalogueRoute[];
  /** Topics it publishes to (through its outbox). */
  readonly produces: readonly TopicName[];
  /** Topics it reads. */
  readonly consumes: readonly TopicName[];
  /**
   * Services it calls synchronously over HTTP; it reads each one's address from `<NAME>_URL`
   * (urlSettingOf). The gateway's are not listed: it calls every service that has routes.
   */
  readonly calls: readonly string[];
  readonly secrets: readonly CatalogueSecret[];
  /** Pod requests and limits when not the defaults (defaultResources). */
  readonly resources?: ResourceHints;
}

/**
 * Every service, one entry each. A new service appends one object here, nothing else, then
 * `npm run catalogue -- write`: `npm run new-service` does both (tools/new-service).
 */
export const serviceCatalogue = [
  {
    name: 'gateway',
    title: 'API gateway',
    role: 'gateway',
    port: 8080,
    routes: [],
    produces: [],
    // Ended sessions: every replica refuses their tokens at once.
    consumes: [Topics.access],
    calls: [],
    secrets: [],
  },
  {
    name: 'access-control',
    title: 'Access control',
    role: 'service',
    port: 8081,
    database: 'cms_access_control',
    routes: [
      { prefix: '/api/v1/auth/login', public: true },
      { prefix: '/api/v1/auth/refresh', public: true },
      { prefix: '/api/v1/auth/logout', public: true },
      { prefix: '/api/v1/auth/token', public: true, acceptForm: true },
      { prefix: '/api/v1/auth/jwks.json', public: true },
      { prefix: '/api/v1/auth/password-reset/complete', public: true },
      { prefix: '/api/v1/auth/password' },
      // The forgotten-password request: anyone may ask, the answer never says whether the user exists.
      { prefix: '/api/v1/users', pattern: /^\/api\/v1\/users\/[^/]+\/password-reset$/, public: true },
      { prefix: '/api/v1/me' },
      { prefix: '/api/v1/users' },
      { prefix: '/api/v1/organisations' },
      { prefix: '/api/v1/audit' },
      { prefix: '/api/v1', pattern: /^\/api\/v1\/(api-clients|signing-keys)(\/|$)/ },
    ],
    produces: [Topics.access],
    consumes: [],
    calls: [],
    secrets: [{ setting: 'SIGNING_KEY_ENCRYPTION_KEY', purpose: 'Seals the token-signing keys in the database' }],
  },
  {
    name: 'meter-points',
    title: 'Meter point register',
    role: 'service',
    port: 8082,
    database: 'cms_meter_points',
    routes: [{ prefix: '/api/v1/meter-points' }, { prefix: '/api/v1/meter-point-statuses' }],
    // A meter point's status changes (or the change is refused) when a contact on it is resolved VALID.
    produces: [Topics.meterPoints],
    consumes: [Topics.contacts],
    calls: [],
    secrets: [],
  },
  {
    name: 'contact-logging',
    title: 'Contact logging',
    role: 'service',
    port: 8083,
    database: 'cms_contact_logging',
    routes: [{ prefix: '/api/v1/contacts' }, { prefix: '/api/v1/contact-types' }, { prefix: '/api/v1/resolution-reasons' }, { prefix: '/api/v1/audit/contacts' }, { prefix: '/api/v1/rejected-submissions' }],
    produces: [Topics.contacts],
    // The other services' lifecycle events, onto each contact's timeline; its own, to start each clock.
    consumes: [Topics.contacts, Topics.clarifications, Topics.siteVisits, Topics.meterPoints],
    // Looks up the meter point of every contact logged (and the delivery point of an alternative address
    // chosen by UDPRN), and asks the user directory whether the user a supervisor gives a contact to is
    // an active user of their organisation.
    calls: ['meter-points', 'access-control', 'address-lookup'],
    secrets: [],
  },
  {
    name: 'clarifications',
    title: 'Clarifications',
    role: 'service',
    port: 8084,
    database: 'cms_clarifications',
    routes: [
      { prefix: '/api/v1/contacts', pattern: /^\/api\/v1\/contacts\/[^/]+\/clarifications$/ },
      { prefix: '/api/v1/clarifications' },
      { prefix: '/api/v1/audit/clarifications' },
    ],
    produces: [Topics.clarifications],
    // Each contact's originator, transporter and participants, and its end (which closes its open threads).
    consumes: [Topics.contacts],
    calls: [],
    secrets: [],
  },
  {
    name: 'site-visits',
    title: 'Site visits',
    role: 'service',
    port: 8085,
    database: 'cms_site_visits',
    routes: [
      { prefix: '/api/v1/contacts', pattern: /^\/api\/v1\/contacts\/[^/]+\/site-visits$/ },
      { prefix: '/api/v1/site-visits' },
      { prefix: '/api/v1/audit/site-visits' },
    ],
    // And each transporter's partner topic, cms.partner.<organisationId>.referrals.v1 (src/partner-feed).
    produces: [Topics.siteVisits],
    // Each contact's participants and its end (which cancels its open visits); and for the referral feed, the
    // referrals, the questions to a transporter and the outcomes of the contacts it is involved in.
    consumes: [Topics.contacts, Topics.siteVisits, Topics.clarifications],
    // At referral, on behalf of the agent: the contact's details, and its meter point's supply address.
    calls: ['contact-logging', 'meter-points'],
    secrets: [],
  },
  {
    name: 'address-lookup',
    title: 'Address look-up',
    role: 'service',
    port: 8086,
    database: 'cms_address_lookup',
    routes: [{ prefix: '/api/v1/addresses' }],
    produces: [],
    // Answers look-ups from its own PAF table (or a licensed PAF API): it reads no topic.
    consumes: [],
    calls: [],
    secrets: [],
  },
  {
    name: 'notifications',
    title: 'Notifications',
    role: 'service',
    port: 8087,
    database: 'cms_notifications',
    routes: [{ prefix: '/api/v1/notifications' }, { prefix: '/api/v1/me/notification-preferences' }, { prefix: '/api/v1/webhooks' }],
    produces: [],
    // The copy of each contact (libs/involved-contacts) and the events that make alerts (src/infrastructure/alerts.consumer.ts).
    consumes: [Topics.contacts, Topics.clarifications, Topics.siteVisits],
    // A user's email address, asked on their behalf when they choose email.
    calls: ['access-control'],
    secrets: [],
  },
] as const satisfies readonly ServiceEntry[];

type LiteralEntry = (typeof serviceCatalogue)[number];
export type ServiceName = LiteralEntry['name'];
/** The services the gateway routes to: those with at least one route. */
export type RoutedServiceName = Extract<
  LiteralEntry,
  { routes: readonly [CatalogueRoute, ...CatalogueRoute[]] }
>['name'];

/** An entry as its readers see it: every field of ServiceEntry, its name one of the catalogue's. */
export type CatalogueEntry = ServiceEntry & { readonly name: ServiceName };

/** The catalogue's entries, in order (the same list as serviceCatalogue, typed for reading). */
export const catalogueEntries: readonly CatalogueEntry[] = serviceCatalogue;

/** `meter-points` → `METER_POINTS`. */
type UpperSnake<Name extends string> = Name extends `${infer Head}-${infer Tail}`
  ? `${Uppercase<Head>}_${UpperSnake<Tail>}`
  : Uppercase<Name>;
/** `meter-points` → `METER_POINTS_URL`. */
export type UrlSetting<Name extends string> = `${UpperSnake<Name>}_URL`;

/** Every service answers these (libs/service-defaults' HealthController). */
export const healthPaths = { live: '/health/live', ready: '/health/ready' } as const;

/**
 * What a pod asks for and may use unless its entry says otherwise. Memory from the benchmark of the
 * compiled services (docs/benchmarks.md, "Compiled services"): 216–279 MiB resident at rest, at most
 * 342 MiB after the load (contact-logging); the request is that largest figure rounded up; the limit
 * is the V8 heap's cap (NODE_OPTIONS=--max-old-space-size=384, deploy/k8s/kustomization.yaml) plus
 * 256 MiB for what a service holds outside its heap (code, source maps, buffers: about 140 MiB at rest).
 */
export const defaultResources: ResourceHints = {
  cpuRequest: '100m',
  memoryRequest: '384Mi',
  cpuLimit: '1',
  memoryLimit: '640Mi',
};

/** Where every service finds the keys that verify access tokens: access-control publishes them. */
export const tokenKeys = { service: 'access-control', path: '/.well-known/jwks.json' } as const satisfies {
  service: ServiceName;
  path: string;
};

/** The entry of a service; throws for a name not in the catalogue. */
export function entryOf(name: string): CatalogueEntry {
  const entry = catalogueEntries.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`no service named ${name} in the catalogue`);
  return entry;
}

/** The gateway's entry (the catalogue has exactly one). */
export function gatewayEntry(): CatalogueEntry {
  const [gateway, ...others] = catalogueEntries.filter((entry) => entry.role === 'gateway');
  if (!gateway || others.length > 0) throw new Error('the catalogue must have exactly one gateway');
  return gateway;
}

/** The setting that holds a service's address for its callers: `meter-points` → `METER_POINTS_URL`. */
export function urlSettingOf<Name extends string>(name: Name): UrlSetting<Name> {
  return `${upperSnake(name)}_URL` as UrlSetting<Name>;
}

/** `meter-points` → `METER_POINTS`: how a service's name appears in setting and secret names. */
export function upperSnake(name: string): string {
  return name.toUpperCase().replaceAll('-', '_');
}

/** A service's address on this machine at its catalogue port (the default of `<NAME>_URL`). */
export function localUrlOf(name: ServiceName): string {
  return `http://127.0.0.1:${entryOf(name).port}`;
}

/** The entries with at least one route, in catalogue order: the gateway's upstreams. */
export function routedServices(): (CatalogueEntry & { readonly name: RoutedServiceName })[] {
  return catalogueEntries.filter(
    (entry): entry is CatalogueEntry & { readonly name: RoutedServiceName } => entry.routes.length > 0,
  );
}

/** The services a service calls synchronously: its `calls`, or for the gateway every routed service. */
export function callsOf(name: ServiceName): ServiceName[] {
  const entry = entryOf(name);
  return entry.role === 'gateway'
    ? routedServices().map((service) => service.name)
    : entry.calls.map((callee) => entryOf(callee).name);
}

/** The routes of one service, as its entry lists them. */
export function routesOf(name: ServiceName): readonly CatalogueRoute[] {
  return entryOf(name).routes;
}

export interface GatewayRoute extends CatalogueRoute {
  /** The service that answers it. */
  readonly service: RoutedServiceName;
}

/**
 * Every route of every service, in the order the gateway tries them: patterned routes first, then
 * the longest prefix (so `/api/v1/audit/contacts` wins over `/api/v1/audit`).
 */
export function gatewayRoutes(): GatewayRoute[] {
  return routedServices()
    .flatMap((entry) => entry.routes.map((route): GatewayRoute => ({ ...route, service: entry.name })))
    .sort((a, b) => Number(Boolean(b.pattern)) - Number(Boolean(a.pattern)) || b.prefix.length - a.prefix.length);
}

/** Every secret some service needs, each setting once, in catalogue order. */
export function catalogueSecrets(): CatalogueSecret[] {
  const secrets = catalogueEntries.flatMap((entry) => entry.secrets);
  return secrets.filter((secret, index) => secrets.findIndex((other) => other.setting === secret.setting) === index);
}

/** A pod's requests and limits: its entry's, else the defaults. */
export function resourcesOf(name: ServiceName): ResourceHints {
  return entryOf(name).resources ?? defaultResources;
}
