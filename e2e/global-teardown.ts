import type { SMTPServer } from 'smtp-server';
import type { Stack } from '@cms/stack';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis as { cmsE2eStack?: Stack; cmsE2eSmtp?: SMTPServer };
  try {
    await state.cmsE2eStack?.stop();
  } finally {
    const smtp = state.cmsE2eSmtp;
    if (smtp) await new Promise<void>((resolve) => smtp.close(() => resolve()));
  }
}
