/** The shape of one `char-lstm` command, and the output helpers they share. */
import { CliError } from './errors';

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The full `--help` text. */
  usage: string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  run(argv: readonly string[]): Promise<number>;
}

/** A command that a later issue provides. */
export function notYetImplemented(name: string, summary: string): Command {
  return {
    name,
    summary: `${summary} (not implemented yet)`,
    usage: `char-lstm ${name}: not implemented yet.\n`,
    run: async () => {
      throw new CliError(`'${name}' is not implemented yet`, 1);
    },
  };
}

/** Progress and notes go to stderr. */
export function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** With --json the result is one JSON object on the last line of stdout. */
export function writeJson(result: object): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
