/**
 * The `char-lstm` command (DESIGN.md section 3). This file only dispatches: each command
 * lives in src/cli/<name>.ts and exports a Command. Errors become one line on stderr,
 * `char-lstm: ...`, and an exit code: 2 for bad arguments or unreadable input (a missing or
 * broken model included), 1 for anything else.
 */
import { version } from '../package.json';
import { benchCommand } from './cli/bench';
import { Command } from './cli/command';
import { completeCommand } from './cli/complete';
import { evalCommand } from './cli/eval';
import { simulateCommand } from './cli/simulate';
import { trainCommand } from './cli/train';
import { EXIT_USAGE, exitCodeOf, oneLine } from './cli/errors';

/** Every command, in the order `--help` lists them. `train` and `simulate` plug in here. */
const COMMANDS: readonly Command[] = [
  completeCommand,
  evalCommand,
  trainCommand,
  simulateCommand,
  benchCommand,
];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `Usage: char-lstm COMMAND [options]

Character-level LSTM code completion, run locally with onnxruntime.

Commands:
${list}

Run 'char-lstm COMMAND --help' for a command's options. --model takes 'default' (the
embedded model) or a .onnx file. Exit codes: 0 success, 2 bad arguments or unreadable
input (including a missing or broken model), 1 anything else.
`;
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined) {
      process.stderr.write(usage());
      return EXIT_USAGE;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
      process.stdout.write(usage());
      return 0;
    }
    if (name === '--version') {
      process.stdout.write(`${version}\n`);
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) {
      process.stderr.write(`char-lstm: unknown command '${name}' (commands: ${COMMANDS.map((c) => c.name).join(', ')})\n`);
      return EXIT_USAGE;
    }
    return await command.run(rest);
  } catch (e) {
    process.stderr.write(`char-lstm: ${oneLine(e)}\n`);
    if (process.env.CHAR_LSTM_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return exitCodeOf(e);
  }
}

/** Runs `main` and sets the exit code; output to a closed pipe (`| head`) is not an error. */
export function runCli(argv: readonly string[]): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`char-lstm: ${oneLine(e)}\n`);
      process.exitCode = 1;
    },
  );
}

if (require.main === module) runCli(process.argv.slice(2));
