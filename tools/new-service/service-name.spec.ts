import { catalogueEntries } from '@cms/catalogue';
import {
  defaultTitle,
  nameForms,
  RESERVED_SERVICE_NAMES,
  routePrefixOf,
  serviceNameProblems,
  SERVICE_NAME_MAX_LENGTH,
  titleProblem,
  type TakenNames,
} from './service-name';

/** The catalogue as it stands, and the folders its services have. */
const taken: TakenNames = { services: catalogueEntries, folders: catalogueEntries.map((entry) => entry.name) };

describe("a new service's name", () => {
  it.each(['meter-readings', 'alert-digests', 'postcode-finder', 'meter-point', 'v2-reports'])('may be %s', (name) => {
    expect(serviceNameProblems(name, taken)).toEqual([]);
  });

  it.each(['SiteVisits', 'site_visits', 'site visits', '-site', 'site-', 'site--visits', '9lives', 'visits-é', ''])(
    'must be kebab case, unlike "%s"',
    (name) => {
      expect(serviceNameProblems(name, taken)).toEqual([expect.stringMatching(/is not kebab case/)]);
    },
  );

  it.each(catalogueEntries.map((entry) => entry.name))('may not be %s, a service of the catalogue', (name) => {
    expect(serviceNameProblems(name, taken)).toEqual([`a service named "${name}" is in the catalogue already`]);
  });

  it('may not be a folder under services/ that the catalogue lacks', () => {
    expect(serviceNameProblems('meter-readings', { ...taken, folders: [...taken.folders, 'meter-readings'] })).toEqual([
      'services/meter-readings exists already',
    ]);
  });

  it.each(Object.keys(RESERVED_SERVICE_NAMES))('may not be %s, reserved', (name) => {
    expect(serviceNameProblems(name, taken)).toEqual([`"${name}" is reserved: ${RESERVED_SERVICE_NAMES[name]}`]);
  });

  it('must leave room for its database name, cms_<name>, within the 63 bytes of a PostgreSQL identifier', () => {
    const longest = `a${'-b'.repeat((SERVICE_NAME_MAX_LENGTH - 1) / 2)}`;
    expect(`cms_${longest}`).toHaveLength(63);

    expect(serviceNameProblems(longest, taken)).toEqual([]);
    expect(serviceNameProblems(`${longest}c`, taken)).toEqual([expect.stringMatching(/is longer than 59 characters/)]);
  });

  it('may not give it the database of another service', () => {
    const other = { name: 'readings', database: 'cms_meter_readings', routes: [] };
    expect(serviceNameProblems('meter-readings', { ...taken, services: [...taken.services, other] })).toEqual([
      "its database, cms_meter_readings, is readings's",
    ]);
  });

  it('may not put its routes where the gateway sends another service the same paths', () => {
    // contact-logging's /api/v1/contacts; access-control's /api/v1/users and its patterned /api/v1/api-clients.
    expect(serviceNameProblems('contacts', taken)).toEqual([
      "its routes (/api/v1/contacts) would overlap contact-logging's route /api/v1/contacts",
    ]);
    expect(serviceNameProblems('api-clients', taken)).toEqual([
      "its routes (/api/v1/api-clients) would overlap access-control's route /api/v1 (/^\\/api\\/v1\\/(api-clients|signing-keys)(\\/|$)/)",
    ]);
    // Its prefix above other services' routes: /api/v1/audit holds access-control's, and each contact service's audit.
    expect(serviceNameProblems('audit', taken)).toEqual([
      "its routes (/api/v1/audit) would overlap access-control's route /api/v1/audit",
      "its routes (/api/v1/audit) would overlap contact-logging's route /api/v1/audit/contacts",
      "its routes (/api/v1/audit) would overlap clarifications's route /api/v1/audit/clarifications",
      "its routes (/api/v1/audit) would overlap site-visits's route /api/v1/audit/site-visits",
    ]);
    expect(serviceNameProblems('auth', taken)).toEqual(
      Array(7).fill(
        expect.stringMatching(/^its routes \(\/api\/v1\/auth\) would overlap access-control's route \/api\/v1\/auth\//),
      ),
    );
  });

  it('routes everything under /api/v1/<name> to it', () => {
    expect(routePrefixOf('site-visits')).toBe('/api/v1/site-visits');
  });

  it('gives the code its camel, Pascal and snake forms', () => {
    expect(nameForms('site-visits')).toEqual({
      name: 'site-visits',
      camelName: 'siteVisits',
      pascalName: 'SiteVisits',
      snakeName: 'site_visits',
    });
    expect(nameForms('v2-reports')).toMatchObject({ camelName: 'v2Reports', pascalName: 'V2Reports' });
    expect(nameForms('address-lookup-2')).toMatchObject({ camelName: 'addressLookup2', pascalName: 'AddressLookup2' });
  });
});

describe("a new service's title", () => {
  it('is the name in words unless one is given', () => {
    expect(defaultTitle('site-visits')).toBe('Site visits');
    expect(defaultTitle('notifications')).toBe('Notifications');
  });

  it.each(['Site visits', "Shippers' alerts", 'DN & IGT referrals (SV)', 'Data clarification / OC'])(
    'may be %s',
    (title) => {
      expect(titleProblem(title)).toBeUndefined();
    },
  );

  it.each(['', ' Leading space', 'Two\nlines', 'Say "hi"', 'Back\\slash', 'Ends a comment */', 'x'.repeat(61)])(
    'may not be %j: it goes into comments and string literals',
    (title) => {
      expect(titleProblem(title)).toMatch(/must be 1 to 60 letters/);
    },
  );
});
