/**
 * The one configuration loader. Each service declares its settings once; they are read from the
 * environment and validated at start. A missing or malformed setting stops the service with a
 * message naming every setting at fault, never a stack trace half-way through start-up.
 */
export interface Setting<T> {
  read(raw: string | undefined, name: string): T;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

class SettingProblem extends Error {}

function required<T>(raw: string | undefined, fallback: T | undefined, parse: (value: string) => T): T {
  if (raw === undefined || raw.trim() === '') {
    if (fallback === undefined) throw new SettingProblem('is required');
    return fallback;
  }
  return parse(raw.trim());
}

export function text(options: { default?: string } = {}): Setting<string> {
  return { read: (raw) => required(raw, options.default, (value) => value) };
}

export function optionalText(): Setting<string | undefined> {
  return { read: (raw) => (raw === undefined || raw.trim() === '' ? undefined : raw.trim()) };
}

export function integer(options: { default?: number; min?: number; max?: number } = {}): Setting<number> {
  return {
    read: (raw) =>
      required(raw, options.default, (value) => {
        if (!/^-?\d+$/.test(value)) throw new SettingProblem(`must be an integer, got "${value}"`);
        const parsed = Number(value);
        if (options.min !== undefined && parsed < options.min) throw new SettingProblem(`must be ≥ ${options.min}`);
        if (options.max !== undefined && parsed > options.max) throw new SettingProblem(`must be ≤ ${options.max}`);
        return parsed;
      }),
  };
}

export function boolean(options: { default?: boolean } = {}): Setting<boolean> {
  return {
    read: (raw) =>
      required(raw, options.default, (value) => {
        if (/^(true|1|yes)$/i.test(value)) return true;
        if (/^(false|0|no)$/i.test(value)) return false;
        throw new SettingProblem(`must be true or false, got "${value}"`);
      }),
  };
}

export function url(options: { default?: string; protocols?: string[] } = {}): Setting<string> {
  return {
    read: (raw) =>
      required(raw, options.default, (value) => {
        let parsed: URL;
        try {
          parsed = new URL(value);
        } catch {
          throw new SettingProblem(`must be a URL, got "${value}"`);
        }
        if (options.protocols && !options.protocols.includes(parsed.protocol.replace(/:$/, ''))) {
          throw new SettingProblem(`must use ${options.protocols.join(' or ')}`);
        }
        return value;
      }),
  };
}

/**
 * The replicas of a service another process calls: one URL, or several separated by commas (each
 * replica's own address, where no load balancer stands in front of them), in the order given.
 */
export function urls(options: { default?: string } = {}): Setting<string[]> {
  const one = url({ protocols: ['http', 'https'] });
  return {
    read: (raw, name) => {
      const values = required(raw, options.default, (value) => value)
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0);
      if (values.length === 0) throw new SettingProblem('must list at least one URL');
      return values.map((value) => one.read(value, name));
    },
  };
}

export function list(options: { default?: string[] } = {}): Setting<string[]> {
  return {
    read: (raw) =>
      required(raw, options.default, (value) =>
        value
          .split(',')
          .map((item) => item.trim())
          .filter((item) => item.length > 0),
      ),
  };
}

/** A secret key given in base64 (`openssl rand -base64 32`): exactly `bytes` bytes, and always required. */
export function base64Key(options: { bytes: number }): Setting<Buffer> {
  return {
    read: (raw) =>
      required(raw, undefined, (value) => {
        const key = Buffer.from(value, 'base64');
        if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || key.length !== options.bytes) {
          // The value itself is a secret: never repeated in the message.
          throw new SettingProblem(`must be ${options.bytes} random bytes in base64 (openssl rand -base64 ${options.bytes})`);
        }
        return key;
      }),
  };
}

export type SettingsSpec<T> = { [K in keyof T]: Setting<T[K]> };

/** Reads every setting; collects all problems before failing. Keys are the environment variable names. */
export function loadConfig<T>(spec: SettingsSpec<T>, env: Record<string, string | undefined> = process.env): T {
  const problems: string[] = [];
  const config = {} as T;
  for (const name of Object.keys(spec) as (keyof T & string)[]) {
    try {
      config[name] = spec[name].read(env[name], name);
    } catch (error) {
      if (!(error instanceof SettingProblem)) throw error;
      problems.push(`${name} ${error.message}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The values a settings spec reads: `SettingsOf<typeof mySettings>`. */
export type SettingsOf<S> = { [K in keyof S]: S[K] extends Setting<infer T> ? T : never };
