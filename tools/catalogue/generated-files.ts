/**
 * Every file generated from the service catalogue, and how the committed ones differ from it.
 * `npm run catalogue -- write` writes them; `-- check` and generated-files.spec.ts fail on drift.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { catalogueEntries } from '@cms/catalogue';
import { demoAccessSeed } from '../demo-data/seed-access-control';
import { composeFile, DEMO_ACCESS_SEED_FILE } from './compose-file';
import { withCataloguePorts } from './dockerfile-ports';
import { kubernetesManifest, kustomization, withSecretCommand } from './kubernetes-manifests';

export const ROOT = resolve(__dirname, '..', '..');
const K8S_DIR = 'deploy/k8s';

export interface GeneratedFile {
  /** Relative to the repository root. */
  path: string;
  content: string;
}

export interface Drift {
  path: string;
  /** `differs`: not what the catalogue generates; `missing`: not there; `stale`: generated for no entry (a removed service). */
  problem: 'differs' | 'missing' | 'stale';
}

/** What the catalogue generates, reading the repository at `root` only for the files it edits a part of (Dockerfile, deploy/k8s/README.md). */
export function generatedFiles(root = ROOT): GeneratedFile[] {
  return [
    { path: 'docker-compose.yml', content: composeFile() },
    ...catalogueEntries.map((entry) => ({ path: `${K8S_DIR}/${entry.name}.yaml`, content: kubernetesManifest(entry) })),
    { path: `${K8S_DIR}/kustomization.yaml`, content: kustomization() },
    {
      path: `${K8S_DIR}/README.md`,
      content: withSecretCommand(readFileSync(join(root, K8S_DIR, 'README.md'), 'utf8')),
    },
    { path: 'Dockerfile', content: withCataloguePorts(readFileSync(join(root, 'Dockerfile'), 'utf8')) },
    // DEMO ONLY: the demo organisations and users, for compose's one-off access-control-seed.
    { path: DEMO_ACCESS_SEED_FILE, content: `${JSON.stringify(demoAccessSeed(), null, 2)}\n` },
  ];
}

/** How the files at `root` differ from what the catalogue generates; empty when they do not. */
export function drift(root = ROOT): Drift[] {
  const files = generatedFiles(root);
  const problems: Drift[] = [];
  for (const file of files) {
    const path = join(root, file.path);
    if (!existsSync(path)) problems.push({ path: file.path, problem: 'missing' });
    else if (readFileSync(path, 'utf8') !== file.content) problems.push({ path: file.path, problem: 'differs' });
  }
  const generated = new Set(files.map((file) => file.path));
  for (const name of readdirSync(join(root, K8S_DIR))
    .filter((candidate) => candidate.endsWith('.yaml'))
    .sort()) {
    if (!generated.has(`${K8S_DIR}/${name}`)) problems.push({ path: `${K8S_DIR}/${name}`, problem: 'stale' });
  }
  return problems;
}
