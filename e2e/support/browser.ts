import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, which the browser tests drive (playwright-core brings no browser of its own). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Chromium, installed first when it is missing and the tests run as root on Debian (a CI
 * container): `apt-get install chromium`, after an `apt-get update` if the package lists are
 * stale. Anywhere else a missing browser is an error that says what to install.
 */
export function ensureChromium(log: (line: string) => void): string {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  const apt = (...args: string[]) =>
    spawnSync('apt-get', args, { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
      .status === 0;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    log(`${CHROMIUM} is missing: installing Debian's chromium…`);
    const install = () => apt('install', '-y', '--no-install-recommends', 'chromium');
    if (install() || (apt('update') && install())) return CHROMIUM;
  }
  throw new Error(
    `The browser tests need Chromium at ${CHROMIUM} (Debian: apt-get install chromium; elsewhere set CHROMIUM_PATH).`,
  );
}

export function launchChromium(log: (line: string) => void): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(log), args: ['--headless', '--no-sandbox'] });
}
