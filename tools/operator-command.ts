/**
 * What the operator commands (`npm run outbox`, `npm run dlt`) share: their exit codes, their two
 * kinds of failure, and their main: parse the command line, print the usage for --help or a command
 * line that makes no sense, run the command and answer its exit code.
 */

/** Exit codes: BSD sysexits' EX_USAGE for a command line that makes no sense. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 64;

/** A command line that makes no sense: the message, then the usage, exit 64. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A failure the operator can act on: the message alone, exit 1. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
}

export interface OperatorCommand<C extends { action: string }> {
  /** The name each message starts with. */
  name: string;
  usage: string;
  parse(argv: string[], env: Record<string, string | undefined>): C;
  run(command: Exclude<C, { action: 'help' }>): Promise<number>;
}

/** Runs the command the process was given; its exit code (anything but a UsageError or CommandError is printed with its stack). */
export async function runOperatorCommand<C extends { action: string }>(command: OperatorCommand<C>): Promise<number> {
  const usageFailure = (error: UsageError) => {
    console.error(`${command.name}: ${error.message}\n\n${command.usage}`);
    return EXIT_USAGE;
  };
  let parsed: C;
  try {
    parsed = command.parse(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return usageFailure(error);
  }
  if (parsed.action === 'help') {
    console.log(command.usage);
    return EXIT_OK;
  }
  try {
    return await command.run(parsed as Exclude<C, { action: 'help' }>);
  } catch (error) {
    if (error instanceof UsageError) return usageFailure(error);
    console.error(`${command.name}: ${error instanceof CommandError ? error.message : ((error as Error).stack ?? String(error))}`);
    return EXIT_FAILURE;
  }
}
