/**
 * The architecture's boundaries are ESLint rules (eslint.config.js); this feeds the real
 * configuration files that break each one, at the paths where they would stand, and expects the
 * rule to refuse them (and the same files without the offending import to pass).
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ESLint } from 'eslint';

const ROOT = resolve(__dirname, '../..');

async function problemsOf(path: string, code: string): Promise<string[]> {
  // The project's own configuration, handed over as an object: ESLint's loading of the file uses a
  // dynamic import, which Jest's module system does not offer.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: require(resolve(ROOT, 'eslint.config.js')) });
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) });
  return result.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('module boundaries', () => {
  beforeAll(() => {
    // The Nx boundary rule reads the project graph; make sure it is there and current.
    execFileSync(process.execPath, [resolve(ROOT, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects'], {
      cwd: ROOT,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
      stdio: 'ignore',
    });
  }, 120_000);

  const useCase = (imports: string) => `${imports}
export class ProbeHandler {
  run(): string {
    return 'probe';
  }
}
`;

  it('refuses an application file that imports infrastructure', async () => {
    const problems = await problemsOf(
      'services/contact-logging/src/application/probe.handler.ts',
      useCase(`import { ContactRepository } from '../infrastructure/contact.repository';\nexport type Probe = ContactRepository;`),
    );
    expect(problems).toEqual([expect.stringMatching(/^no-restricted-imports: .*never on infrastructure\/ or http\//)]);
  });

  it('refuses an application file that imports http', async () => {
    const problems = await problemsOf(
      'services/contact-logging/src/application/probe.handler.ts',
      useCase(`import type { ContactResponse } from '../http/contact.dto';\nexport type Probe = ContactResponse;`),
    );
    expect(problems).toEqual([expect.stringMatching(/^no-restricted-imports: .*never on infrastructure\/ or http\//)]);
  });

  it('refuses an application file that reaches for the ORM', async () => {
    const problems = await problemsOf(
      'services/meter-points/src/application/probe.handler.ts',
      useCase(`import type { DataSource } from 'typeorm';\nexport type Probe = DataSource;`),
    );
    expect(problems).toEqual([expect.stringMatching(/^no-restricted-imports: .*no ORM, driver, broker or transport/)]);
  });

  it('lets an application file import its ports, the domain and the kit', async () => {
    const problems = await problemsOf(
      'services/contact-logging/src/application/probe.handler.ts',
      useCase(
        `import type { ContactStore } from './contact-store.port';\nimport { evaluateSubmission } from '../domain';\nimport type { Transactions } from '@cms/service-defaults';\nexport type Probe = [ContactStore, Transactions, typeof evaluateSubmission];`,
      ),
    );
    expect(problems.filter((problem) => problem.startsWith('no-restricted-imports') || problem.startsWith('@nx/'))).toEqual([]);
  });

  it('refuses a contracts file that imports a platform library', async () => {
    const problems = await problemsOf(
      'libs/contracts/src/events/probe.event.ts',
      `import { OutboxWriter } from '@cms/messaging';\nexport type Probe = OutboxWriter;\n`,
    );
    expect(problems).toEqual([expect.stringMatching(/^@nx\/enforce-module-boundaries: .*kind:contracts.*kind:vocabulary/)]);
  });

  it('lets a contracts file import the gas-market vocabulary', async () => {
    const problems = await problemsOf('libs/contracts/src/events/probe.event.ts', `import { MPRN_PATTERN } from '@cms/gas-market';\nexport const probe = MPRN_PATTERN;\n`);
    expect(problems).toEqual([]);
  });

  it('refuses a service that imports another service', async () => {
    const problems = await problemsOf(
      'services/contact-logging/src/infrastructure/probe.ts',
      `import { meterPointsService } from '../../../meter-points/src/service';\nexport const probe = meterPointsService;\n`,
    );
    expect(problems.some((problem) => problem.startsWith('@nx/enforce-module-boundaries'))).toBe(true);
  });

  it('refuses a web app file that imports a project of the workspace (the browser bundle takes none)', async () => {
    const problems = await problemsOf('web/src/screens/probe.tsx', `import { isCrn } from '@cms/gas-market';\nexport const Probe = () => <p>{String(isCrn('C000000001'))}</p>;\n`);
    expect(problems).toEqual([expect.stringMatching(/^@nx\/enforce-module-boundaries: A project tagged with "type:web" cannot depend on any libs/)]);
  });

  it('lets a web app file import React and its own modules', async () => {
    const problems = await problemsOf('web/src/screens/probe.tsx', `import { useState } from 'react';\nimport { paths } from '../routing/paths';\nexport const Probe = () => <p>{String(useState(paths.home)[0])}</p>;\n`);
    expect(problems).toEqual([]);
  });
});
