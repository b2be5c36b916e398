// Application class-data sharing for the JVMs the local stack runs (Kafka, Zipkin).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { JavaRuntime } from './local-kafka';

export interface ClassDataSharing {
  /** The JVM options for this run: map the archive, or record it at exit when there is none yet. */
  options(): string[];
  /** Whether this run records the archive (it writes it while exiting: give its stop longer). */
  recording(): boolean;
  /** After a clean exit the JVM has written the archive: publish it. */
  afterStop(): void;
}

/**
 * The first run records the classes it loads into an archive when it exits
 * (-XX:ArchiveClassesAtExit); later runs map it (-XX:SharedArchiveFile), which starts the JVM
 * about 40% faster. The archive is `<dir>/<name>-<key>.jsa`, keyed by the exact Java build and
 * `classPath`; the JVM ignores an archive that does not match (with a warning in its output).
 * `disabled` (a setting such as CMS_KAFKA_CDS=0) turns it off.
 */
export function classDataSharing(opts: { dir: string; name: string; classPath: string; runtime: JavaRuntime; disabled: boolean }): ClassDataSharing {
  const { dir } = opts;
  const key = crypto.createHash('sha256').update(`${opts.runtime.versionText}\n${opts.classPath}`).digest('hex').slice(0, 12);
  const archive = path.join(dir, `${opts.name}-${key}.jsa`);
  const recording = `${archive}.${process.pid}.tmp`;
  let recordingNow = false;
  return {
    options(): string[] {
      if (opts.disabled) return [];
      if (fs.existsSync(archive)) return [`-XX:SharedArchiveFile=${archive}`];
      try {
        fs.mkdirSync(dir, { recursive: true });
        for (const file of fs.readdirSync(dir)) {
          const full = path.join(dir, file);
          // Left by a JVM that never exited cleanly.
          if (file.endsWith('.tmp') && Date.now() - fs.statSync(full).mtimeMs > 10 * 60_000) fs.rmSync(full, { force: true });
        }
      } catch {
        return [];
      }
      recordingNow = true;
      return [`-XX:ArchiveClassesAtExit=${recording}`];
    },
    recording: () => recordingNow,
    afterStop(): void {
      if (!recordingNow) return;
      recordingNow = false;
      try {
        if (fs.statSync(recording).size > 0) fs.renameSync(recording, archive);
      } catch {
        fs.rmSync(recording, { force: true });
      }
    },
  };
}
