// Java programs the local stack runs without Docker (Kafka's jars, Zipkin's server) come from Maven
// Central, named by a pom under deploy/ and fetched once into .cache/ with Maven.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { indent, seconds } from './processes';
import { InfraError } from './types';

const execFileAsync = promisify(execFile);

export interface MavenFetch {
  /** The log prefix and the program named in messages: `kafka`, `zipkin`. */
  name: string;
  /** What is fetched, for the log line: "the Apache Kafka 3.9.1 jars". */
  what: string;
  /** Roughly how much, for the log line: "about 46 MB". */
  size: string;
  /** The pom whose dependencies are fetched. */
  pom: string;
  /** The directory they end up in; it appears complete or not at all. */
  into: string;
  /** A file that `into` holds once complete. */
  marker: string;
  /** What else the person can do, ending every error message: "or set KAFKA_BROKERS to an existing broker". */
  alternative: string;
  log: (line: string) => void;
}

function rel(p: string): string {
  const r = path.relative(process.cwd(), p);
  return r && !r.startsWith('..') ? r : p;
}

function lastLines(text: string, n: number): string {
  return text.trim().split('\n').slice(-n).join('\n');
}

/**
 * The directory of a pom's dependencies, fetched with `mvn dependency:copy-dependencies` on first
 * use into a temporary directory beside it and renamed into place when complete. Throws an
 * InfraError that says what to install, or what else to do, when Maven is missing or fails.
 */
export async function fetchWithMaven(fetch: MavenFetch): Promise<string> {
  const { into, marker, pom, name } = fetch;
  const complete = (dir: string) => fs.existsSync(path.join(dir, marker));
  if (complete(into)) return into;

  try {
    await execFileAsync('mvn', ['-v'], { timeout: 60_000 });
  } catch {
    throw new InfraError(
      `${fetch.what} are fetched once with Maven into ${rel(into)}, but \`mvn\` was not found: ` +
        `install Maven 3.6+ (Debian/Ubuntu: apt-get install maven; macOS: brew install maven) ${fetch.alternative}.`,
    );
  }
  fetch.log(`${name}: fetching ${fetch.what} with Maven into ${rel(into)} (first run only, ${fetch.size})`);
  const started = Date.now();
  fs.mkdirSync(path.dirname(into), { recursive: true });
  const temp = `${into}.tmp-${process.pid}`;
  fs.rmSync(temp, { recursive: true, force: true });
  try {
    await execFileAsync(
      'mvn',
      ['-q', '-B', '-Dstyle.color=never', '-f', pom, 'dependency:copy-dependencies', `-DoutputDirectory=${temp}`],
      { cwd: path.dirname(pom), timeout: 15 * 60_000, maxBuffer: 64 * 1024 * 1024 },
    );
  } catch (error) {
    fs.rmSync(temp, { recursive: true, force: true });
    const e = error as { stdout?: string; stderr?: string; message: string };
    const output = lastLines(`${e.stdout ?? ''}\n${e.stderr ?? ''}`, 40) || e.message;
    throw new InfraError(
      `Fetching ${fetch.what} with Maven failed (mvn dependency:copy-dependencies -f ${rel(pom)}):\n${indent(output)}\n` +
        `  Check access to Maven Central (or your Maven mirror in ~/.m2/settings.xml), ${fetch.alternative}.`,
    );
  }
  if (!complete(temp)) {
    fs.rmSync(temp, { recursive: true, force: true });
    throw new InfraError(`Maven finished but ${marker} is missing: check ${rel(pom)}.`);
  }
  // The rename is the commit: a complete directory appears at once or not at all.
  try {
    fs.renameSync(temp, into);
  } catch {
    if (complete(into)) {
      fs.rmSync(temp, { recursive: true, force: true }); // another process got there first
    } else {
      fs.rmSync(into, { recursive: true, force: true });
      fs.renameSync(temp, into);
    }
  }
  fetch.log(`${name}: ${fetch.what} ready in ${seconds(started)}`);
  return into;
}
