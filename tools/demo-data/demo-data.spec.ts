import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  findLdz,
  hasConsistentCheckDigits,
  isMprn,
  LDZ_CODES,
  normalisePostcode,
  PAF_FIELD_MAX_LENGTHS,
  type PafAddress,
  postcodeArea,
  postcodeOutwardCode,
  statusCodes,
} from '@cms/gas-market';
import { formatExtract, parseExtract } from '../../services/meter-points/src/application/meter-point-extract.csv';
import { demoShowcase, demoUnknownMprns, generateDemoMeterPoints, shortCodeOf } from './meter-points';
import { DN_SHORT_CODES, demoOrganisation, demoOrganisations } from './organisations';
import { TOWNS_BY_LDZ } from './places';
import { CDSP_ADMIN, CDSP_AGENT, CONTACT_USER, LSO, SUPERVISOR, TRANSPORTER_USER } from './roles';
import { DEMO_PASSWORD, demoUsers } from './users';
import { writeDemoExtract } from './write-extract';

const STATUSES = statusCodes();
const points = generateDemoMeterPoints();

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

describe('demo organisations', () => {
  const orgs = demoOrganisations();

  it('has 4 DNs, 4 IGTs, 5 shippers, the CDSP, a DMSP, an MRA and a UIP with unique UUIDs and 3-letter codes', () => {
    expect(countBy(orgs, (o) => o.type)).toEqual(new Map([['DN', 4], ['IGT', 4], ['SHIPPER', 5], ['CDSP', 1], ['DMSP', 1], ['MRA', 1], ['UIP', 1]]));
    expect(new Set(orgs.map((o) => o.id)).size).toBe(orgs.length);
    expect(new Set(orgs.map((o) => o.shortCode)).size).toBe(orgs.length);
    for (const o of orgs) {
      expect(o.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(o.shortCode).toMatch(/^[A-Z]{3}$/);
    }
    expect(orgs.filter((o) => o.type === 'DN').map((o) => o.shortCode)).toEqual(['CAD', 'NGN', 'SGN', 'WWU']);
    expect(Object.values(DN_SHORT_CODES).every((code) => demoOrganisation(code).type === 'DN')).toBe(true);
  });

  it('is stable: the same ids on every call, and copies that callers may change', () => {
    const again = demoOrganisations();
    expect(again).toEqual(orgs);
    again[0].name = 'changed';
    expect(demoOrganisations()[0].name).toBe('Cadent Gas');
    expect(demoOrganisation('BWE').id).toBe('b39b394d-4352-47f1-9cab-919d828cf087');
  });
});

describe('demo users', () => {
  const users = demoUsers();
  const orgs = demoOrganisations();

  it('gives every organisation an LSO, who supervises, and the working users of its type', () => {
    expect(users).toHaveLength(32);
    expect(new Set(users.map((u) => u.userId)).size).toBe(users.length);
    for (const org of orgs) {
      const code = org.shortCode.toLowerCase();
      const mine = users.filter((u) => u.organisationShortCode === org.shortCode);
      const worksContacts = ['SHIPPER', 'DN', 'IGT', 'CDSP'].includes(org.type);
      expect(mine.find((u) => u.userId === `${code}.lso`)?.roles).toEqual(worksContacts ? [LSO, SUPERVISOR] : [LSO]);
      if (!worksContacts) expect(mine).toHaveLength(1);
      if (org.type === 'SHIPPER') expect(mine.find((u) => u.userId === `${code}.user`)?.roles).toEqual([CONTACT_USER]);
      if (org.type === 'DN' || org.type === 'IGT') {
        expect(mine.find((u) => u.userId === `${code}.user`)?.roles).toEqual([TRANSPORTER_USER]);
      }
    }
    expect(users.find((u) => u.userId === 'cds.agent')?.roles).toEqual([CDSP_AGENT]);
    expect(users.find((u) => u.userId === 'cds.admin')?.roles).toEqual([CDSP_ADMIN]);
  });

  it('uses the demo password and .example e-mail addresses', () => {
    for (const u of users) {
      expect(u.password).toBe(DEMO_PASSWORD);
      expect(u.email).toMatch(new RegExp(`^${u.userId.replace('.', '\\.')}@[a-z0-9-]+\\.example$`));
      expect(u.displayName).not.toBe('');
    }
    expect(demoUsers()).toEqual(users);
  });
});

describe('generateDemoMeterPoints', () => {
  it('is deterministic: two runs give the same data, another seed other data', () => {
    expect(generateDemoMeterPoints()).toEqual(points);
    expect(generateDemoMeterPoints(500, 7)).toEqual(generateDemoMeterPoints(500, 7));
    expect(generateDemoMeterPoints(500, 7)).not.toEqual(generateDemoMeterPoints(500, 8));
  });

  it('gives the number asked for, showcase first', () => {
    expect(points).toHaveLength(10000);
    expect(generateDemoMeterPoints(123)).toHaveLength(123);
    expect(generateDemoMeterPoints(3).map((p) => p.mprn)).toEqual(demoShowcase().slice(0, 3).map((s) => s.mprn));
    expect(generateDemoMeterPoints(0)).toEqual([]);
  });

  it('has every status many times, in a realistic mix', () => {
    const byStatus = countBy(points, (p) => p.status);
    expect([...byStatus.keys()].sort()).toEqual([...STATUSES].sort());
    for (const code of STATUSES) expect(byStatus.get(code)).toBeGreaterThanOrEqual(300);
    expect(byStatus.get('LI')! / points.length).toBeGreaterThan(0.6);
    expect(byStatus.get('DE')! / points.length).toBeGreaterThan(0.1);
  });

  it('covers every LDZ, with the LDZ DN as transporter for most and an IGT for about 10%', () => {
    const byLdz = countBy(points, (p) => p.ldz);
    expect([...byLdz.keys()].sort()).toEqual([...LDZ_CODES].sort());
    for (const code of LDZ_CODES) expect(byLdz.get(code)).toBeGreaterThanOrEqual(100);

    const orgs = new Map(demoOrganisations().map((o) => [o.id, o]));
    let igt = 0;
    const wrongDn: string[] = [];
    for (const p of points) {
      const transporter = orgs.get(p.transporterId)!;
      if (transporter.type === 'IGT') igt++;
      else if (transporter.shortCode !== DN_SHORT_CODES[findLdz(p.ldz)!.dn]) wrongDn.push(p.mprn);
    }
    expect(wrongDn).toEqual([]);
    expect(igt / points.length).toBeGreaterThan(0.05);
    expect(igt / points.length).toBeLessThan(0.15);
  });

  it('registers a shipper for most, none for about 15% (mostly dead or extinct)', () => {
    const shippers = new Set(demoOrganisations().filter((o) => o.type === 'SHIPPER').map((o) => o.id));
    const none = points.filter((p) => p.registeredShipperId === null);
    expect(none.length / points.length).toBeGreaterThan(0.1);
    expect(none.length / points.length).toBeLessThan(0.2);
    expect(none.filter((p) => p.status === 'DE' || p.status === 'EX').length / none.length).toBeGreaterThan(0.6);
    expect(points.filter((p) => p.registeredShipperId !== null && !shippers.has(p.registeredShipperId))).toEqual([]);
    expect(new Set(points.map((p) => p.registeredShipperId)).size).toBe(6);
  });

  it('isolates every capped and clamped meter point and some dead ones, and no live one', () => {
    expect(points.filter((p) => (p.status === 'CA' || p.status === 'CL') && !p.isolated)).toEqual([]);
    expect(points.filter((p) => p.status === 'LI' && p.isolated)).toEqual([]);
    const dead = points.filter((p) => p.status === 'DE');
    const isolatedDead = dead.filter((p) => p.isolated).length;
    expect(isolatedDead).toBeGreaterThan(0);
    expect(isolatedDead).toBeLessThan(dead.length);
  });

  it('gives unique MPRNs of 6 to 10 digits with consistent check digits', () => {
    expect(new Set(points.map((p) => p.mprn)).size).toBe(points.length);
    const bad = points.filter((p) => !isMprn(p.mprn) || p.mprn.length < 6 || !hasConsistentCheckDigits(p.mprn));
    expect(bad.map((p) => p.mprn)).toEqual([]);
    expect(new Set(points.map((p) => p.mprn.length))).toEqual(new Set([6, 7, 8, 9, 10]));
  });

  it('gives PAF-shaped addresses in the LDZ towns, with postcodes shared by several meter points', () => {
    const udprns = new Set<string>();
    const uprns = new Set<string>();
    const problems: string[] = [];
    for (const p of points) {
      const a = p.address;
      const problem = (what: string) => problems.push(`${p.mprn}: ${what}`);
      const town = TOWNS_BY_LDZ[p.ldz as keyof typeof TOWNS_BY_LDZ].find((t) => t.postTown === a.postTown);
      if (!town) problem(`post town ${a.postTown} is not in LDZ ${p.ldz}`);
      if (normalisePostcode(a.postcode) !== a.postcode) problem(`postcode shape ${a.postcode}`);
      if (town && !town.districts.includes(postcodeOutwardCode(a.postcode) ?? '')) problem(`postcode ${a.postcode} not in ${a.postTown}`);
      if (town && !town.districts.map(postcodeArea).includes(postcodeArea(a.postcode))) problem('postcode area');
      if (a.buildingNumber === undefined && a.buildingName === undefined) problem('no building number or name');
      for (const [key, max] of Object.entries(PAF_FIELD_MAX_LENGTHS)) {
        if ((a[key as keyof PafAddress] ?? '').length > max) problem(`${key} too long`);
      }
      if (!/^[0-9]{8}$/.test(a.udprn ?? '')) problem(`udprn ${a.udprn}`);
      udprns.add(a.udprn!);
      if (a.uprn !== undefined) {
        if (!/^[0-9]{1,12}$/.test(a.uprn)) problem(`uprn ${a.uprn}`);
        uprns.add(a.uprn);
      }
    }
    expect(problems).toEqual([]);
    expect(udprns.size).toBe(points.length);
    expect(uprns.size).toBe(points.filter((p) => p.address.uprn !== undefined).length);

    const perPostcode = countBy(points, (p) => p.address.postcode);
    const inSharedPostcodes = points.filter((p) => perPostcode.get(p.address.postcode)! >= 3).length;
    expect(inSharedPostcodes / points.length).toBeGreaterThan(0.95);
    expect(Math.max(...perPostcode.values())).toBeGreaterThanOrEqual(10);
    // a postcode belongs to one town and one street (or one block, lane or parade)
    const streetsPerPostcode = new Map<string, Set<string>>();
    for (const p of points) {
      const streets = streetsPerPostcode.get(p.address.postcode) ?? new Set<string>();
      streets.add(`${p.address.postTown}|${p.address.thoroughfare}`);
      streetsPerPostcode.set(p.address.postcode, streets);
    }
    expect([...streetsPerPostcode.values()].filter((streets) => streets.size > 1)).toEqual([]);
    expect(points.some((p) => p.address.subBuildingName?.startsWith('Flat '))).toBe(true);
    expect(points.some((p) => p.address.buildingName && !p.address.buildingNumber)).toBe(true);
    expect(points.some((p) => p.address.organisation?.includes(','))).toBe(true);
  });
});

describe('showcase meter points', () => {
  const showcase = demoShowcase();
  const byMprn = new Map(points.map((p) => [p.mprn, p]));

  it('are in the generated data with the stated status, shipper, transporter and LDZ', () => {
    expect(showcase.length).toBeGreaterThanOrEqual(6);
    for (const s of showcase) {
      const p = byMprn.get(s.mprn);
      expect(p).toBeDefined();
      expect(p!.status).toBe(s.status);
      expect(shortCodeOf(p!.registeredShipperId)).toBe(s.registeredShipperShortCode);
      expect(shortCodeOf(p!.transporterId)).toBe(s.transporterShortCode);
      expect(p!.ldz).toBe(s.ldz);
      expect(hasConsistentCheckDigits(s.mprn)).toBe(true);
      expect(s.label).not.toBe('');
    }
  });

  it('cover every case the contact rules need for shipper BWE', () => {
    const bwe = (status: string) => showcase.filter((s) => s.status === status && s.registeredShipperShortCode === 'BWE');
    expect(bwe('DE').length).toBeGreaterThanOrEqual(1); // valid DTL
    expect(bwe('LI').length).toBeGreaterThanOrEqual(1); // valid ISO to dead
    expect(bwe('CA').length).toBeGreaterThanOrEqual(1); // valid ISO to live
    expect(bwe('CL').length).toBeGreaterThanOrEqual(1); // valid ISO to live
    expect(bwe('EX').length).toBeGreaterThanOrEqual(1); // MPRN_EXTINCT
    expect(showcase.some((s) => s.status === 'DE' && s.registeredShipperShortCode !== null && s.registeredShipperShortCode !== 'BWE')).toBe(true);
    expect(showcase[0]).toMatchObject({ mprn: '3938424403', status: 'DE', registeredShipperShortCode: 'BWE' });
    expect(byMprn.get('5281736406')!.isolated).toBe(false);
    expect(byMprn.get('6041927506')!.isolated).toBe(true);
  });

  it('leaves the unknown MPRNs out of the register', () => {
    const { notInRegister, mistyped } = demoUnknownMprns();
    expect(byMprn.has(notInRegister)).toBe(false);
    expect(byMprn.has(mistyped)).toBe(false);
    expect(hasConsistentCheckDigits(notInRegister)).toBe(true);
    expect(hasConsistentCheckDigits(mistyped)).toBe(false);
  });
});

describe('demo extract', () => {
  it('round-trips through parseExtract with zero errors', () => {
    const result = parseExtract(formatExtract(points), STATUSES);
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual(points);
  });

  it('writeDemoExtract writes a file that parses back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cms-demo-'));
    try {
      const path = join(dir, 'nested', 'meter-points.csv');
      expect(writeDemoExtract(path, { count: 250 })).toBe(250);
      const text = readFileSync(path, 'utf8');
      const result = parseExtract(text, STATUSES);
      expect(result.errors).toEqual([]);
      expect(result.rows).toEqual(generateDemoMeterPoints(250));
      expect(text.split('\r\n')[0]).toMatch(/^mprn,status,isolated,/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
