import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '../..');
const API_SCHEMA_FILE = join(ROOT, 'web/src/api/schema.d.ts');

/**
 * Like libs/contracts' AsyncAPI test: the web app's API types are what the services' OpenAPI
 * documents generate, and a field renamed in an API fails the web app's typecheck.
 */
describe("the web app's API types (web/src/api/schema.d.ts)", () => {
  it('are what the services’ OpenAPI documents generate: run `node -r @swc-node/register tools/web/api-schema.ts write`', () => {
    // In a process of its own: openapi-typescript loads ES modules that Jest's module system does not.
    const generated = spawnSync(process.execPath, ['-r', '@swc-node/register', 'tools/web/api-schema.ts', 'print'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(generated.stderr).toBe('');
    expect(generated.status).toBe(0);
    expect(readFileSync(API_SCHEMA_FILE, 'utf8')).toBe(generated.stdout);
  });

  it('fail the web app’s typecheck where a screen reads a field the API renamed', () => {
    const committed = readFileSync(API_SCHEMA_FILE, 'utf8');
    // The meter point's one-line address, which the log-a-contact screen shows.
    const renamed = committed.replace(/^(\s+)addressLabel: string;$/m, '$1supplyAddressLabel: string;');
    expect(renamed).not.toBe(committed);

    const config = ts.getParsedCommandLineOfConfigFile(
      join(ROOT, 'web/tsconfig.app.json'),
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
    )!;
    const host = ts.createCompilerHost(config.options);
    const readFile = host.readFile.bind(host);
    host.readFile = (file) => (resolve(file) === API_SCHEMA_FILE ? renamed : readFile(file));
    const program = ts.createProgram(config.fileNames, config.options, host);
    const errors = ts.getPreEmitDiagnostics(program).map((diagnostic) => ({
      file: diagnostic.file && relative(ROOT, diagnostic.file.fileName),
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    }));
    expect(errors).toEqual([
      { file: 'web/src/screens/log-contact.tsx', message: expect.stringContaining("'addressLabel' does not exist") },
    ]);
  });
});
