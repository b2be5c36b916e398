/**
 * Writes the demo meter point extract (the UK Link stand-in import file) as CSV.
 *
 *   node_modules/.bin/node -r @swc-node/register tools/demo-data/write-extract.ts [path] [count] [seed]
 *
 * Default path `.data/demo-data/meter-points.csv`, count 10,000, seed 1.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatExtract } from '../../services/meter-points/src/application/meter-point-extract.csv';
import { generateDemoMeterPoints } from './meter-points';

export const DEFAULT_EXTRACT_PATH = '.data/demo-data/meter-points.csv';

/** Writes the extract to `path` (creating its folder) and returns the number of rows written. */
export function writeDemoExtract(path: string, options: { count?: number; seed?: number } = {}): number {
  const meterPoints = generateDemoMeterPoints(options.count ?? 10000, options.seed ?? 1);
  mkdirSync(dirname(resolve(path)), { recursive: true });
  writeFileSync(path, formatExtract(meterPoints), 'utf8');
  return meterPoints.length;
}

if (require.main === module) {
  const [pathArg, countArg, seedArg] = process.argv.slice(2);
  const path = resolve(pathArg ?? DEFAULT_EXTRACT_PATH);
  const count = countArg === undefined ? undefined : Number(countArg);
  const seed = seedArg === undefined ? undefined : Number(seedArg);
  for (const [name, value] of [['count', count], ['seed', seed]] as const) {
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
      console.error(`write-extract: ${name} must be a whole number, got "${name === 'count' ? countArg : seedArg}"`);
      process.exit(2);
    }
  }
  const started = performance.now();
  const rows = writeDemoExtract(path, { count, seed });
  console.log(`Wrote ${rows} meter points to ${path} in ${Math.round(performance.now() - started)} ms`);
}
