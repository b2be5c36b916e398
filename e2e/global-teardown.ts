import type { Stack } from '@cms/stack';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { cmsE2eStack?: Stack }).cmsE2eStack?.stop();
}
