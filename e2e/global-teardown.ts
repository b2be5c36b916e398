import type { Stack } from '@cms/stack';
import type { TestMailServer } from '@cms/testing';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis as { cmsE2eStack?: Stack; cmsE2eSmtp?: TestMailServer };
  try {
    await state.cmsE2eStack?.stop();
  } finally {
    await state.cmsE2eSmtp?.close();
  }
}
