import type { DataSource } from 'typeorm';
import { ConfigError, loadConfig, type SettingsOf, type SettingsSpec } from '@cms/config';
import { openServiceDataSource } from '@cms/persistence';
import { platformSettings, serviceMigrations, type PlatformModuleOptions } from './platform.module';

/**
 * A service's one-off command (access-control's seed, meter-points' import): run from the command
 * line on the service's database, without starting the service. Its messages begin with its name;
 * it ends with an exit status of BSD sysexits(3) where one fits (`ExitStatus`).
 */
export interface ServiceCommand<TSpec extends object = object> {
  /** How its messages begin: `access-control seed`. */
  name: string;
  /** The service's database, as the service declares it to PlatformModule (the same schema, brought up to date). */
  database: Pick<PlatformModuleOptions, 'entities' | 'migrations' | 'idempotency'>;
  /** The settings it reads besides DATABASE_URL. */
  settings?: TSpec;
}

/** Exit statuses of a command (sysexits(3): EX_USAGE, EX_DATAERR, EX_NOINPUT, EX_CONFIG). */
export const ExitStatus = {
  ok: 0,
  failure: 1,
  usage: 64,
  /** The input was read but is refused. */
  dataError: 65,
  /** The input cannot be read. */
  noInput: 66,
  /** A setting is missing or wrong. */
  config: 78,
} as const;

export type CommandSettings<TSpec> = SettingsOf<TSpec> & { DATABASE_URL: string };

/**
 * The part of a command on the service's database: loads its settings (one at fault: the message,
 * exit 78), opens the database as the service does (migrations run first), does `work` and closes
 * the database, whatever the work did. Gives the work's exit status.
 */
export async function withServiceDatabase<TSpec extends object>(
  command: ServiceCommand<TSpec>,
  work: (dataSource: DataSource, settings: CommandSettings<TSpec>) => Promise<number>,
): Promise<number> {
  const spec = { DATABASE_URL: platformSettings.DATABASE_URL, ...command.settings };
  let settings: CommandSettings<TSpec>;
  try {
    settings = loadConfig(spec as SettingsSpec<CommandSettings<TSpec>>);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${command.name}: ${error.message}\n`);
    return ExitStatus.config;
  }
  const dataSource = await openServiceDataSource({
    url: settings.DATABASE_URL,
    entities: command.database.entities ?? [],
    migrations: serviceMigrations(command.database),
    poolSize: 2,
  });
  try {
    return await work(dataSource, settings);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Runs a command's `main` and sets the process's exit status from it; a failure nobody expected
 * is printed as `<name> failed: <message>`, exit 1.
 */
export function runCommand(command: Pick<ServiceCommand, 'name'>, main: () => Promise<number>): void {
  main().then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      process.stderr.write(`${command.name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = ExitStatus.failure;
    },
  );
}
