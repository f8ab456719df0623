/** The shape of one `char-lstm` command, and the output helpers they share. */

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The full `--help` text. */
  usage: string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  run(argv: readonly string[]): Promise<number>;
}

/** Progress and notes go to stderr. */
export function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** With --json the result is one JSON object on the last line of stdout. */
export function writeJson(result: object): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
