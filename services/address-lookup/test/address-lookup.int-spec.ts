// address-lookup in process, exactly as main.ts runs it, on its own database, with real signed
// access tokens: a PAF file imported at start answers look-ups by postcode and by UDPRN; files
// imported again replace the table, or are refused whole; the daily quota; and the licensed PAF
// API chosen by configuration, through a stand-in speaking the Ideal Postcodes API.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { formatCsv } from './support/csv';
import { demoOrganisation, writeSyntheticPafFile } from '@cms/demo-data';
import { startServiceUnderTest, TestClock, TestTokenIssuer, type ServiceUnderTest } from '@cms/testing';
import { importPafFile } from '../src/application/import-paf-file';
import { PafAddressTable } from '../src/infrastructure/paf-address-table';
import { addressLookupService } from '../src/service';

/** A look-up's answer, as much of it as the tests read. */
interface Listed {
  postcode: string;
  source: string;
  items: Array<Record<string, unknown>>;
}

const SHIPPER = demoOrganisation('BWE');

// Postcode, Post Town, Dep. Locality, Double Dep. Locality, Thoroughfare, Dep. Thoroughfare, Building Number,
// Building Name, Sub Building Name, PO Box, Department, Organisation, UDPRN, Postcode Type, SU Org. Indicator, DPS, UPRN
const JUNIPER_14 = ['PR2 9QZ', 'Preston', 'Fulwood', '', 'Juniper Close', '', '14', '', '', '', '', '', '10482615', 'S', '', '1A', '100010482615'];
const JUNIPER_16 = ['PR2 9QZ', 'Preston', 'Fulwood', '', 'Juniper Close', '', '16', '', '', '', '', '', '10482700', 'S', '', '1B', ''];
const JUNIPER_2 = ['PR2 9QZ', 'Preston', 'Fulwood', '', 'Juniper Close', '', '2', '', '', '', '', '', '10482701', 'S', '', '1C', ''];
const FORGE = ['B17 9YR', 'Birmingham', 'Harborne', '', 'Quarry Lane', '', '', 'The Old Forge', '', '', '', '', '10482619', 'S', '', '1A', '100010482619'];

const folder = mkdtempSync(join(tmpdir(), 'address-lookup-'));
function pafFile(name: string, records: string[][]): string {
  const path = join(folder, name);
  writeFileSync(path, formatCsv(records));
  return path;
}

describe('address-lookup service', () => {
  let issuer: TestTokenIssuer;
  let service: ServiceUnderTest;
  let token: string;

  const get = (path: string, bearer = token) => service.fetch(path, { headers: { authorization: `Bearer ${bearer}` } });

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    service = await startServiceUnderTest(addressLookupService, {
      env: { ...issuer.env(), PAF_ADDRESS_FILE: pafFile('start.csv', [JUNIPER_14, JUNIPER_16, JUNIPER_2, FORGE]) },
    });
    token = await issuer.tokenFor({ userId: 'bwe.user', organisationId: SHIPPER.id, organisationType: SHIPPER.type, roles: [] });
  });

  afterAll(async () => {
    await service?.close();
    await issuer?.stop();
  });

  describe('look-ups from the PAF table', () => {
    it('lists every delivery point at a postcode, however typed, in number order, with labels', async () => {
      const response = await get('/api/v1/addresses?postcode=pr29qz');

      expect(response.status).toBe(200);
      const body = (await response.json()) as Listed;
      expect(body).toMatchObject({ postcode: 'PR2 9QZ', source: 'PAF_TABLE' });
      expect(body.items.map((item) => item.buildingNumber)).toEqual(['2', '14', '16']);
      expect(body.items[1]).toEqual({
        udprn: '10482615',
        uprn: '100010482615',
        buildingNumber: '14',
        thoroughfare: 'Juniper Close',
        dependentLocality: 'Fulwood',
        postTown: 'Preston',
        postcode: 'PR2 9QZ',
        lines: ['14 JUNIPER CLOSE', 'FULWOOD', 'PRESTON', 'PR2 9QZ'],
        label: '14 JUNIPER CLOSE, FULWOOD, PRESTON, PR2 9QZ',
      });
      expect(body.items[2]).not.toHaveProperty('uprn');
    });

    it('answers an empty list for a well-formed postcode it does not hold', async () => {
      const response = await get('/api/v1/addresses?postcode=ZE1%200AA');

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ postcode: 'ZE1 0AA', source: 'PAF_TABLE', items: [] });
    });

    it('refuses a malformed postcode with 400 POSTCODE_FORMAT, and a missing one', async () => {
      const malformed = await get('/api/v1/addresses?postcode=PR2');
      const missing = await get('/api/v1/addresses');

      expect(malformed.status).toBe(400);
      expect(malformed.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await malformed.json()).toMatchObject({
        code: 'POSTCODE_FORMAT',
        errors: [{ code: 'POSTCODE_FORMAT', field: 'postcode', message: 'The postcode must be a UK postcode, such as PR2 9QZ.' }],
      });
      expect(missing.status).toBe(400);
    });

    it('gives one delivery point by its UDPRN, with its source; 404 for an unknown one, 400 for no UDPRN', async () => {
      const found = await get('/api/v1/addresses/10482619');
      expect(found.status).toBe(200);
      expect(await found.json()).toMatchObject({
        udprn: '10482619',
        uprn: '100010482619',
        buildingName: 'The Old Forge',
        source: 'PAF_TABLE',
        lines: ['THE OLD FORGE', 'QUARRY LANE', 'HARBORNE', 'BIRMINGHAM', 'B17 9YR'],
      });

      expect((await get('/api/v1/addresses/99999999')).status).toBe(404);
      expect(await (await get('/api/v1/addresses/12A')).json()).toMatchObject({ status: 400, code: 'UDPRN_FORMAT' });
    });

    it('documents every PAF field of an address with its shared length', async () => {
      const document = (await (await service.fetch('/docs-json')).json()) as {
        components: { schemas: Record<string, { required?: string[]; properties: Record<string, { maxLength?: number }> }> };
      };
      const schema = document.components.schemas.AddressResponse;

      expect(schema.properties.thoroughfare.maxLength).toBe(40);
      expect(schema.properties.subBuildingName.maxLength).toBe(30);
      expect(schema.properties).not.toHaveProperty('county');
      expect(schema.required).toEqual(expect.arrayContaining(['udprn', 'postTown', 'postcode', 'lines', 'label']));
    });

    it('answers 401 without an access token', async () => {
      const response = await service.fetch('/api/v1/addresses?postcode=PR2%209QZ');

      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it('lets a partner system in with addresses:read only', async () => {
      const partner = (scopes: string[]) =>
        issuer.tokenFor({ userId: 'client:bwe-crm', organisationId: SHIPPER.id, organisationType: SHIPPER.type, roles: [], scopes });

      expect((await get('/api/v1/addresses?postcode=PR2%209QZ', await partner(['addresses:read']))).status).toBe(200);
      expect((await get('/api/v1/addresses?postcode=PR2%209QZ', await partner(['contacts:write']))).status).toBe(403);
    });
  });

  describe('the import', () => {
    const table = () => service.app.get(PafAddressTable);
    const postcodeCount = async (postcode: string) =>
      (await service.sql<{ count: number }>('SELECT count(*)::int AS count FROM address WHERE postcode = $1', [postcode]))[0].count;

    it('imported the file at start', async () => {
      expect(await table().count()).toBe(4);
    });

    it('refuses a broken file with the line at fault, and changes nothing', async () => {
      const broken = pafFile('broken.csv', [JUNIPER_14, ['XX', ...JUNIPER_16.slice(1)], JUNIPER_2]);

      const report = await importPafFile(broken, table());

      expect(report).toMatchObject({ refused: true, records: 3, errors: [{ line: 2, message: 'Postcode "XX" is not a UK postcode' }] });
      expect(await table().count()).toBe(4);
    });

    it('refuses a file that breaks the CSV rules, or repeats a UDPRN, with the line', async () => {
      const path = join(folder, 'quote.csv');
      writeFileSync(path, `${formatCsv([JUNIPER_14])}PR2 9QZ,Preston,"Fulwood"x,,Juniper Close,,16,,,,,,10482700,S,,1B\r\n`);
      expect((await importPafFile(path, table())).errors).toEqual([{ line: 2, message: 'unexpected text after a closing double quote' }]);

      const repeated = await importPafFile(pafFile('repeat.csv', [JUNIPER_14, JUNIPER_16, JUNIPER_14]), table());
      expect(repeated).toMatchObject({ refused: true, errors: [{ line: 3, message: 'UDPRN 10482615 is already on line 1' }] });

      expect((await importPafFile(pafFile('empty.csv', []), table())).refused).toBe(true);
      expect(await table().count()).toBe(4);
    });

    it('re-imports: changed rows replaced, new ones added, equal ones left, missing ones deleted', async () => {
      const renamed = [...JUNIPER_16];
      renamed[7] = 'Rose Cottage';
      const changed = pafFile('changed.csv', [JUNIPER_14, renamed, FORGE, ['PR2 9QZ', ...JUNIPER_2.slice(1, 6), '4', ...JUNIPER_2.slice(7, 12), '10482702', 'S', '', '1D']]);

      const report = await importPafFile(changed, table(), { batchSize: 2 });

      expect(report).toMatchObject({ refused: false, records: 4, inserted: 1, updated: 1, unchanged: 2, deleted: 1, errors: [] });
      expect(await postcodeCount('PR2 9QZ')).toBe(3);
      const sixteen = (await (await get('/api/v1/addresses/10482700')).json()) as { lines: string[] };
      expect(sixteen.lines).toEqual(['ROSE COTTAGE', '16 JUNIPER CLOSE', 'FULWOOD', 'PRESTON', 'PR2 9QZ']);
      expect(await importPafFile(changed, table())).toMatchObject({ inserted: 0, updated: 0, unchanged: 4, deleted: 0 });
    });
  });
});

describe('address-lookup import command', () => {
  let service: ServiceUnderTest;
  const root = resolve(__dirname, '../../..');

  /** The command as an operator runs it, its output not a terminal (a log): progress is a line now and then. */
  async function runImport(path: string): Promise<{ status: number; stdout: string; stderr: string }> {
    const command = [join(root, 'node_modules/.bin/node'), ['-r', '@swc-node/register', join(root, 'services/address-lookup/src/import-command.ts'), path]] as const;
    try {
      const { stdout, stderr } = await promisify(execFile)(command[0], [...command[1]], { cwd: root, env: { ...process.env, DATABASE_URL: service.databaseUrl } });
      return { status: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { status: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  beforeAll(async () => {
    const issuer = await TestTokenIssuer.start();
    service = await startServiceUnderTest(addressLookupService, { env: issuer.env() });
    await issuer.stop();
  });

  afterAll(async () => {
    await service?.close();
  });

  // ADDRESS_IMPORT_TEST_RECORDS=1000000 shows the benchmark's file importing (about a minute).
  const records = Number(process.env.ADDRESS_IMPORT_TEST_RECORDS ?? 120_000);

  it('imports a large synthetic file with progress, then refuses a broken one with its line, changing nothing', async () => {
    const large = join(folder, 'synthetic.csv');
    writeSyntheticPafFile(large, records);

    const imported = await runImport(large);

    expect(imported.status).toBe(0);
    expect(imported.stderr).toContain('importing: 100000 records read');
    expect(imported.stdout).toContain(`inserted ${records}, updated 0, unchanged 0, deleted 0`);

    const refused = await runImport(pafFile('command-broken.csv', [JUNIPER_14, JUNIPER_16.slice(0, 12)]));

    expect(refused.status).toBe(65);
    expect(refused.stdout).toContain('the file was refused: the address table is unchanged');
    expect(refused.stdout).toContain('line 2: expected 16 fields (17 with a UPRN), found 12');
    expect((await service.sql<{ count: number }>('SELECT count(*)::int AS count FROM address'))[0].count).toBe(records);
  }, 600_000);
});

describe('address-lookup quota', () => {
  let issuer: TestTokenIssuer;
  let service: ServiceUnderTest;
  const clock = new TestClock('2026-12-01T09:00:00Z');

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    service = await startServiceUnderTest(addressLookupService, {
      env: { ...issuer.env(), ADDRESS_LOOKUPS_PER_USER_PER_DAY: '2', PAF_ADDRESS_FILE: pafFile('quota.csv', [JUNIPER_14]) },
      clock,
    });
  });

  afterAll(async () => {
    await service?.close();
    await issuer?.stop();
  });

  it('allows each user the configured look-ups a day, 429 beyond, and as many again the next day', async () => {
    const tokenOf = (userId: string) => issuer.tokenFor({ userId, organisationId: SHIPPER.id, organisationType: SHIPPER.type, roles: [] });
    const ann = await tokenOf('ann');
    const bob = await tokenOf('bob');
    const lookUp = async (bearer: string) =>
      (await service.fetch('/api/v1/addresses?postcode=PR2%209QZ', { headers: { authorization: `Bearer ${bearer}` } })).status;
    const byUdprn = async (bearer: string) => service.fetch('/api/v1/addresses/10482615', { headers: { authorization: `Bearer ${bearer}` } });

    expect(await lookUp(ann)).toBe(200);
    expect((await byUdprn(ann)).status).toBe(200);
    const over = await byUdprn(ann);
    expect(over.status).toBe(429);
    expect(await over.json()).toMatchObject({ code: 'ADDRESS_LOOKUP_QUOTA_EXCEEDED' });
    expect(await lookUp(bob)).toBe(200);

    clock.set('2026-12-02T00:00:00Z');
    expect(await lookUp(ann)).toBe(200);
  });
});

describe('address-lookup on the licensed PAF API', () => {
  let issuer: TestTokenIssuer;
  let service: ServiceUnderTest;
  let standIn: Server;
  const requests: string[] = [];
  let behaviour: 'answer' | 'fail' | 'hang' = 'answer';

  /** An Ideal Postcodes address as the API gives it. */
  const idealAddress = {
    postcode: 'SW1A 2AA', post_town: 'LONDON', dependant_locality: '', double_dependant_locality: '', thoroughfare: 'Downing Street',
    dependant_thoroughfare: '', building_number: '10', building_name: '', sub_building_name: '', po_box: '', department_name: '',
    organisation_name: 'Prime Minister & First Lord of the Treasury', udprn: 23747771, uprn: '100023336956', line_1: 'Prime Minister & First Lord of the Treasury',
  };

  beforeAll(async () => {
    // The stand-in: GET /v1/postcodes/{postcode} and /v1/udprn/{udprn}, the key in the Authorization header, and the API's error bodies.
    standIn = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://stand-in');
      const pathname = decodeURIComponent(url.pathname);
      requests.push(`${pathname} ${request.headers.authorization}`);
      if (behaviour === 'hang') return; // never answers: the client's deadline ends the wait
      response.setHeader('content-type', 'application/json');
      const send = (status: number, body: unknown) => response.writeHead(status).end(JSON.stringify(body));
      if (behaviour === 'fail') return send(503, { code: 5030, message: 'Service unavailable' });
      if (pathname === '/v1/postcodes/SW1A 2AA') return send(200, { result: [idealAddress], code: 2000, message: 'Success' });
      if (pathname === '/v1/udprn/23747771') return send(200, { result: idealAddress, code: 2000, message: 'Success' });
      if (pathname.startsWith('/v1/postcodes/')) return send(404, { code: 4040, message: 'Postcode not found' });
      return send(404, { code: 4044, message: 'UDPRN not found' });
    });
    await new Promise<void>((resolve) => standIn.listen(0, '127.0.0.1', resolve));
    issuer = await TestTokenIssuer.start();
    service = await startServiceUnderTest(addressLookupService, {
      env: {
        ...issuer.env(),
        IDEAL_POSTCODES_API_KEY: 'ak_test',
        IDEAL_POSTCODES_URL: `http://127.0.0.1:${(standIn.address() as AddressInfo).port}`,
        IDEAL_POSTCODES_TIMEOUT_MS: '300',
      },
    });
  });

  afterAll(async () => {
    await service?.close();
    await issuer?.stop();
    standIn?.closeAllConnections();
    await new Promise((resolve) => standIn?.close(resolve));
  });

  const get = async (path: string) => {
    const token = await issuer.tokenFor({ userId: 'bwe.user', organisationId: SHIPPER.id, organisationType: SHIPPER.type, roles: [] });
    return service.fetch(path, { headers: { authorization: `Bearer ${token}` } });
  };

  beforeEach(() => {
    behaviour = 'answer';
    requests.length = 0;
  });

  it('answers from the API when a key is configured, under PAF names, with labels', async () => {
    const response = await get('/api/v1/addresses?postcode=sw1a2aa');

    expect(response.status).toBe(200);
    const body = (await response.json()) as Listed;
    expect(body).toMatchObject({ postcode: 'SW1A 2AA', source: 'IDEAL_POSTCODES' });
    expect(body.items).toEqual([
      {
        udprn: '23747771',
        uprn: '100023336956',
        organisation: 'Prime Minister & First Lord of the Treasury',
        buildingNumber: '10',
        thoroughfare: 'Downing Street',
        postTown: 'LONDON',
        postcode: 'SW1A 2AA',
        lines: ['PRIME MINISTER & FIRST LORD OF THE TREASURY', '10 DOWNING STREET', 'LONDON', 'SW1A 2AA'],
        label: 'PRIME MINISTER & FIRST LORD OF THE TREASURY, 10 DOWNING STREET, LONDON, SW1A 2AA',
      },
    ]);
    expect(requests).toEqual(['/v1/postcodes/SW1A 2AA IDEALPOSTCODES api_key="ak_test"']);
  });

  it('keeps answers a while: the same look-up again does not reach the API', async () => {
    expect((await get('/api/v1/addresses/23747771')).status).toBe(200);
    expect((await get('/api/v1/addresses/23747771')).status).toBe(200);

    expect(requests).toEqual(['/v1/udprn/23747771 IDEALPOSTCODES api_key="ak_test"']);
  });

  it('answers an unknown postcode with an empty list and an unknown UDPRN with 404', async () => {
    expect(await (await get('/api/v1/addresses?postcode=ZE1%200AA')).json()).toMatchObject({ items: [] });
    expect((await get('/api/v1/addresses/11111111')).status).toBe(404);
  });

  it.each(['fail', 'hang'] as const)('tells the client to type the address by hand when the API is down (%s)', async (how) => {
    behaviour = how;

    const response = await get('/api/v1/addresses?postcode=M1%201AE');

    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 503, code: 'ADDRESS_LOOKUP_UNAVAILABLE' });
    expect(requests).toHaveLength(1);
  });
});
