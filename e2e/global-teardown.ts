import type { Stack } from '../tools/stack';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { cmsE2eStack?: Stack }).cmsE2eStack?.stop();
}
