/**
 * `npm run catalogue -- write`: writes docker-compose.yml, deploy/k8s (manifests, kustomization,
 * the README's cms-secrets command) and the Dockerfile's EXPOSE line from the service catalogue
 * (libs/catalogue), and removes the manifests of services no longer in it.
 * `npm run catalogue -- check`: lists what differs, exits 1 if anything does.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { drift, generatedFiles, ROOT, type Drift } from './generated-files';

const WHAT_IS_WRONG: Record<Drift['problem'], string> = {
  differs: 'differs from the catalogue',
  missing: 'is missing',
  stale: 'is generated for no service in the catalogue',
};

function main(mode: string | undefined): number {
  if (mode === 'check') {
    const problems = drift();
    for (const { path, problem } of problems) console.log(`catalogue: ${path} ${WHAT_IS_WRONG[problem]}`);
    console.log(
      problems.length > 0
        ? 'catalogue: run `npm run catalogue -- write`, then commit the files.'
        : 'catalogue: every generated file matches the catalogue.',
    );
    return problems.length > 0 ? 1 : 0;
  }
  if (mode === 'write') {
    const files = new Map(generatedFiles().map((file) => [file.path, file.content]));
    const problems = drift();
    for (const { path, problem } of problems) {
      if (problem === 'stale') rmSync(join(ROOT, path));
      else {
        mkdirSync(dirname(join(ROOT, path)), { recursive: true });
        writeFileSync(join(ROOT, path), files.get(path)!);
      }
      console.log(`catalogue: ${problem === 'stale' ? 'removed' : 'wrote'} ${path}`);
    }
    if (problems.length === 0) console.log('catalogue: nothing to write; every generated file matches the catalogue.');
    return 0;
  }
  console.error('usage: npm run catalogue -- write|check');
  return 2;
}

process.exitCode = main(process.argv[2]);
