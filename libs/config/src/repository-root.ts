import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The folder of the repository's package.json (the image's /app), found from `from` (a module's
 * `__dirname`): where dist/, .data and .cache are, whether the module runs from its TypeScript
 * source (services/gateway/src) or from its build a level deeper (dist/services/gateway/src), so
 * that a path such as `<root>/dist/web` means the same place from both.
 */
export function repositoryRoot(from: string): string {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    if (dirname(folder) === folder) throw new Error(`no package.json in ${from} or any folder above it`);
  }
}
