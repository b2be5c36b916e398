// The meter-points service in process, on a real PostgreSQL database and the test Kafka broker,
// with real signed access tokens: the register imports the 10,000-row demo extract at start and
// answers look-ups over HTTP.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { startServiceUnderTest, TestTokenIssuer, type ServiceUnderTest } from '@cms/testing';
import { buildOpenApiDocument } from '@cms/service-defaults';
import { demoOrganisation, demoShowcase, demoUnknownMprns, writeDemoExtract } from '@cms/demo-data';
import { DEFAULT_METER_POINT_STATUSES, statusCodes } from '@cms/gas-market';
import { addressLabel, extractHeader, type MeterPoint } from '../src/domain';
import { importExtractFile, type ExtractImportReport } from '../src/application/import-extract';
import { formatExtractRow, parseExtract } from '../src/application/meter-point-extract.csv';
import { METER_POINT_REGISTER, type MeterPointRegister } from '../src/application/meter-point-register.port';
import { ExtractImportOnStart } from '../src/infrastructure/extract-import-on-start';
import { meterPointsService } from '../src/service';
import type { MeterPointResponse, MeterPointsAtPostcodeResponse } from '../src/http/dto/meter-point.response';
import type { ProblemDetails } from '@cms/contracts';

const REPO_ROOT = resolve(__dirname, '../../..');
const run = promisify(execFile);

const BWE = demoOrganisation('BWE');
/** Rows the tests add live at a postcode of their own, away from the demo data. */
const elsewhere: MeterPoint = {
  mprn: '',
  status: 'LI',
  isolated: false,
  transporterId: demoOrganisation('SGN').id,
  registeredShipperId: null,
  ldz: 'SC',
  address: { buildingNumber: '1', thoroughfare: 'Harbour Street', postTown: 'Lerwick', postcode: 'ZE1 0AA' },
};
const CAD = demoOrganisation('CAD');

describe('meter-points service', () => {
  let workDir: string;
  let extractPath: string;
  let extract: MeterPoint[];
  let databaseUrl: string;
  let issuer: TestTokenIssuer;
  let service: ServiceUnderTest;
  let app: NestExpressApplication;
  let register: MeterPointRegister;
  let baseUrl: string;
  let token: string;

  const get = (path: string, headers: Record<string, string> = { authorization: `Bearer ${token}` }) =>
    fetch(`${baseUrl}${path}`, { headers });
  const meterPoint = async (mprn: string) => (await get(`/api/v1/meter-points/${mprn}`)).json() as Promise<MeterPointResponse>;
  const problem = (response: Response) => response.json() as Promise<ProblemDetails>;
  const inExtract = (mprn: string) => extract.find((meterPoint) => meterPoint.mprn === mprn)!;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'meter-points-'));
    extractPath = join(workDir, 'meter-points.csv');
    expect(writeDemoExtract(extractPath)).toBe(10_000);
    extract = parseExtract(readFileSync(extractPath, 'utf8'), statusCodes()).rows;

    issuer = await TestTokenIssuer.start();
    service = await startServiceUnderTest(meterPointsService, {
      databaseName: 'meter_points',
      env: { ...issuer.env(), METER_POINT_EXTRACT: extractPath },
    });
    ({ app, baseUrl, databaseUrl } = service);
    register = app.get<MeterPointRegister>(METER_POINT_REGISTER);
    token = await issuer.tokenFor({
      userId: 'bwe.user',
      organisationId: BWE.id,
      organisationType: 'SHIPPER',
      roles: ['CONTACT_USER'],
    });
  });

  afterAll(async () => {
    await service?.close();
    await issuer?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  describe('importing the extract', () => {
    it('imports the 10,000-row demo extract at start, in a few seconds', async () => {
      const report = app.get(ExtractImportOnStart).report!;

      expect(report).toMatchObject({ records: 10_000, inserted: 10_000, rejected: 0, errors: [], fileRejected: false });
      expect(report.durationMs).toBeLessThan(5_000);
      expect(await register.count()).toBe(10_000);
      console.info(`meter-points: imported 10,000 rows at start in ${report.durationMs} ms`);
    });

    it('changes nothing when the same extract is imported again', async () => {
      const before = await meterPoint('3938424403');

      const report = await importExtractFile(extractPath, register);

      expect(report).toMatchObject({ records: 10_000, inserted: 0, updated: 0, unchanged: 10_000, rejected: 0 });
      expect(await register.count()).toBe(10_000);
      const after = await meterPoint('3938424403');
      expect(after.updatedAt).toBe(before.updatedAt);
    });

    it('imports the good records of a file with bad lines and reports each bad line (import command)', async () => {
      const fresh = (mprn: string, patch: Partial<MeterPoint> = {}): MeterPoint => ({ ...elsewhere, mprn, ...patch });
      const good = ['104', '20510', '3000000006'];
      for (const mprn of good) expect((await get(`/api/v1/meter-points/${mprn}`)).status).toBe(404);
      const lines = [
        extractHeader, // 1
        formatExtractRow(fresh(good[0])), // 2
        formatExtractRow(fresh('12345678901')), // 3: MPRN too long
        formatExtractRow(fresh('30001', { status: 'ZZ' })), // 4: unknown status
        formatExtractRow(fresh('30002', { transporterId: 'cadent' })), // 5: not an organisation id
        formatExtractRow(fresh(good[1], { address: { ...elsewhere.address, organisation: 'Acme Bakery\nGas Dept' } })), // 6-7
        '30003,LI,true', // 8: too few fields
        formatExtractRow(fresh(good[2])), // 9
      ];
      const badFile = join(workDir, 'with-bad-lines.csv');
      writeFileSync(badFile, lines.join('\r\n') + '\r\n');

      const outcome = await run(
        process.execPath,
        ['-r', '@swc-node/register', 'services/meter-points/src/import-command.ts', badFile, '--json'],
        { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: databaseUrl } },
      ).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );

      expect(outcome.code).toBe(65); // EX_DATAERR: imported, except the lines reported
      const report = JSON.parse(outcome.stdout) as ExtractImportReport;
      expect(report).toMatchObject({ records: 7, imported: 3, inserted: 3, rejected: 4, fileRejected: false });
      expect(report.errors.map((error) => error.line)).toEqual([3, 4, 5, 8]);
      expect(report.errors[1].message).toMatch(/^status: "ZZ" is not a known status/);
      expect(report.errors[2].message).toMatch(/^transporter_id: must be an organisation id/);
      for (const mprn of good) expect((await get(`/api/v1/meter-points/${mprn}`)).status).toBe(200);
      const multiLine = await meterPoint(good[1]);
      expect(multiLine.address.organisation).toBe('Acme Bakery\nGas Dept');
      expect(await register.count()).toBe(10_003);
    });

    it('writes the rest of a batch when the database refuses one of its rows', async () => {
      const result = await register.upsert([
        { line: 2, meterPoint: { ...elsewhere, mprn: '40001' } },
        // A status the reference data lacks (as if deleted after the import read the list).
        { line: 3, meterPoint: { ...elsewhere, mprn: '40002', status: 'ZZ' } },
        { line: 4, meterPoint: { ...elsewhere, mprn: '40003' } },
      ]);

      expect(result).toMatchObject({ inserted: 2, updated: 0, unchanged: 0 });
      expect(result.rejected).toEqual([{ line: 3, message: expect.stringMatching(/^the register refused the record: /) }]);
      expect((await get('/api/v1/meter-points/40001')).status).toBe(200);
      expect((await get('/api/v1/meter-points/40002')).status).toBe(404);
    });
  });

  describe('GET /api/v1/meter-points/{mprn}', () => {
    it('returns a showcase meter point with its status, transporter, shipper, LDZ and address', async () => {
      const response = await get('/api/v1/meter-points/3938424403');

      expect(response.status).toBe(200);
      const body = (await response.json()) as MeterPointResponse;
      const held = inExtract('3938424403');
      expect(body).toEqual({
        mprn: '3938424403',
        status: { code: 'DE', name: 'Dead' },
        isolated: false,
        transporter: { organisationId: CAD.id },
        registeredShipper: { organisationId: BWE.id },
        ldz: 'NW',
        address: held.address,
        addressLabel: '14 Juniper Close, Fulwood, Preston, PR2 9QZ',
        checkDigitsConsistent: true,
        updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      expect(body.address).toMatchObject({ postTown: 'Preston', postcode: 'PR2 9QZ', county: 'Lancashire' });
    });

    it('shows every showcase meter point as the demo data describes it', async () => {
      for (const showcase of demoShowcase()) {
        const body = await meterPoint(showcase.mprn);
        expect(body).toMatchObject({
          mprn: showcase.mprn,
          status: { code: showcase.status },
          transporter: { organisationId: demoOrganisation(showcase.transporterShortCode).id },
          registeredShipper:
            showcase.registeredShipperShortCode === null
              ? null
              : { organisationId: demoOrganisation(showcase.registeredShipperShortCode).id },
          ldz: showcase.ldz,
          addressLabel: addressLabel(inExtract(showcase.mprn).address),
        });
      }
    });

    it('answers 404 problem details for an MPRN not in the register', async () => {
      const response = await get(`/api/v1/meter-points/${demoUnknownMprns().notInRegister}`);

      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const body = await problem(response);
      expect(body).toMatchObject({ status: 404, code: 'NOT_FOUND', type: 'urn:cms:problem:not-found' });
      expect(body.detail).not.toMatch(/mistyped/);
    });

    it('hints at a typo when an unknown MPRN has inconsistent check digits', async () => {
      const body = await problem(await get(`/api/v1/meter-points/${demoUnknownMprns().mistyped}`));

      expect(body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      expect(body.detail).toMatch(/may be mistyped/);
    });

    it.each(['39384A4403', '12345678901', '-1'])('answers 400 MPRN_FORMAT for %s', async (mprn) => {
      const response = await get(`/api/v1/meter-points/${mprn}`);

      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toMatchObject({
        status: 400,
        code: 'MPRN_FORMAT',
        errors: [{ code: 'MPRN_FORMAT', field: 'mprn' }],
      });
    });

    it('answers 401 problem details without a token, or with a token it cannot verify', async () => {
      const stranger = await TestTokenIssuer.start();
      try {
        const forged = await stranger.tokenFor({ userId: 'x', organisationId: BWE.id, organisationType: 'SHIPPER', roles: [] });
        const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer not-a-token' }, { authorization: `Bearer ${forged}` }];
        for (const headers of attempts) {
          const response = await get('/api/v1/meter-points/3938424403', headers);

          expect(response.status).toBe(401);
          expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
          expect(await response.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
        }
      } finally {
        await stranger.stop();
      }
    });

    it('serves any signed-in organisation type, not only shippers', async () => {
      const transporterToken = await issuer.tokenFor({
        userId: 'cad.user',
        organisationId: CAD.id,
        organisationType: 'DN',
        roles: ['TRANSPORTER_USER'],
      });

      const response = await get('/api/v1/meter-points/3938424403', { authorization: `Bearer ${transporterToken}` });

      expect(response.status).toBe(200);
    });
  });

  describe('GET /api/v1/meter-points?postcode=', () => {
    /** The demo postcode with the most meter points, and their MPRNs in order. */
    const busiestPostcode = () => {
      const byPostcode = new Map<string, string[]>();
      for (const { mprn, address } of extract) byPostcode.set(address.postcode, [...(byPostcode.get(address.postcode) ?? []), mprn]);
      const [postcode, mprns] = [...byPostcode].sort((a, b) => b[1].length - a[1].length)[0];
      return { postcode, mprns: mprns.sort() };
    };

    it('lists the meter points at a postcode, whatever its case and spacing', async () => {
      const { postcode, mprns } = busiestPostcode();
      expect(mprns.length).toBeGreaterThan(2);

      const query = postcode.replace(' ', '').toLowerCase();
      const body = (await (await get(`/api/v1/meter-points?postcode=${query}`)).json()) as MeterPointsAtPostcodeResponse;

      expect(body.postcode).toBe(postcode);
      expect(body.items.map((item) => item.mprn)).toEqual(mprns);
      expect(body.items.every((item) => item.address.postcode === postcode)).toBe(true);
      expect(body.nextCursor).toBeNull();
    });

    it('pages with limit and cursor', async () => {
      const { postcode, mprns } = busiestPostcode();

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `postcode=${encodeURIComponent(postcode)}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await (await get(`/api/v1/meter-points?${query}`)).json()) as MeterPointsAtPostcodeResponse;
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((item) => item.mprn));
        cursor = page.nextCursor;
      } while (cursor);

      expect(seen).toEqual(mprns);
    });

    it('refuses a postcode of the wrong shape, a limit over 100 and unknown parameters', async () => {
      const badPostcode = await problem(await get('/api/v1/meter-points?postcode=12%20ABC'));
      const bigLimit = await get('/api/v1/meter-points?postcode=PR2%209QZ&limit=101');
      const unknown = await get('/api/v1/meter-points?postcode=PR2%209QZ&colour=blue');

      expect(badPostcode).toMatchObject({ status: 400, errors: [{ code: 'POSTCODE_FORMAT', field: 'postcode' }] });
      expect(bigLimit.status).toBe(400);
      expect(unknown.status).toBe(400);
    });
  });

  describe('GET /api/v1/meter-point-statuses', () => {
    it('returns the status reference list', async () => {
      const response = await get('/api/v1/meter-point-statuses');

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ items: DEFAULT_METER_POINT_STATUSES });
    });
  });

  describe('platform', () => {
    it('is ready: its database and the broker answer', async () => {
      const response = await fetch(`${baseUrl}/health/ready`);

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'up', checks: { database: 'up', kafka: 'up' } });
    });

    it('documents every route and response field in its OpenAPI document', () => {
      const document = buildOpenApiDocument(app, { title: 'CMS meter points', description: 'test' });

      expect(Object.keys(document.paths).sort()).toEqual([
        '/api/v1/meter-point-statuses',
        '/api/v1/meter-points',
        '/api/v1/meter-points/{mprn}',
      ]);
      const responses = document.paths['/api/v1/meter-points/{mprn}'].get!.responses;
      expect(Object.keys(responses).sort()).toEqual(['200', '400', '401', '404']);
      const schemas = document.components!.schemas! as Record<string, { properties?: Record<string, unknown> }>;
      expect(Object.keys(schemas.MeterPointResponse.properties!).sort()).toEqual(
        [
          'mprn',
          'status',
          'isolated',
          'transporter',
          'registeredShipper',
          'ldz',
          'address',
          'addressLabel',
          'checkDigitsConsistent',
          'updatedAt',
        ].sort(),
      );
      expect(Object.keys(schemas.PafAddressResponse.properties!)).toHaveLength(15);
      expect(schemas.ProblemDetailsResponse).toBeDefined();
    });
  });
});
