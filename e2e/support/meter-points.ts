import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { demoOrganisation, demoOrganisations, demoShowcase, generateDemoMeterPoints } from '@cms/demo-data';

export interface ChosenMeterPoint {
  mprn: string;
  /** The short code of its transporter (a DN or an IGT), whose `<code>.user` works its site visits. */
  transporter: string;
  transporterType: 'DN' | 'IGT';
}

/**
 * Demo meter points for one end-to-end file (the files share one stack, and a meter point takes one
 * open contact): registered to `shipper`, with `status`, on a DN's or an IGT's network (of one
 * `transporter`, by its short code, when given), skipping the showcase and every MPRN written in
 * another e2e file. Give each file its own shipper, or its own pair of shipper and transporter,
 * where it can: two files asking for the same choice would be handed the same points.
 */
export function unusedMeterPoints(
  specFile: string,
  choice: { shipper: string; transporter?: string; status: string; network: 'DN' | 'IGT'; count: number },
): ChosenMeterPoint[] {
  const folder = dirname(specFile);
  const taken = new Set(demoShowcase().map((point) => point.mprn));
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts') && name !== basename(specFile))) {
    for (const digits of readFileSync(`${folder}/${file}`, 'utf8').match(/\d{6,10}/g) ?? []) taken.add(digits);
  }
  const organisations = new Map(demoOrganisations().map((organisation) => [organisation.id, organisation]));
  const shipperId = demoOrganisation(choice.shipper).id;
  const chosen = generateDemoMeterPoints()
    .filter((point) => point.status === choice.status && point.registeredShipperId === shipperId && !taken.has(point.mprn))
    .map((point) => ({ point, transporter: organisations.get(point.transporterId)! }))
    .filter(({ transporter }) => transporter.type === choice.network && (choice.transporter ?? transporter.shortCode) === transporter.shortCode)
    .slice(0, choice.count)
    .map(({ point, transporter }) => ({ mprn: point.mprn, transporter: transporter.shortCode, transporterType: choice.network }));
  if (chosen.length < choice.count) throw new Error(`the demo register has fewer than ${choice.count} unused ${choice.status} ${choice.shipper} meter points on a ${choice.network} network${choice.transporter ? ` (${choice.transporter})` : ''}`);
  return chosen;
}
