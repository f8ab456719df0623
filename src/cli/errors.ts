/** Exit codes of the `char-lstm` command (DESIGN.md section 3). */
import { ModelError } from '../runtime/validate';

export const EXIT_OK = 0;
/** Anything that is not the caller's fault. */
export const EXIT_FAILURE = 1;
/** Bad arguments or unreadable input (including a missing or broken model file). */
export const EXIT_USAGE = 2;

/** An error whose one-line message is shown as is, with a chosen exit code. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(message: string, readonly exitCode: number = EXIT_USAGE) {
    super(message);
  }
}

export function exitCodeOf(e: unknown): number {
  if (e instanceof CliError) return e.exitCode;
  if (e instanceof ModelError) return EXIT_USAGE;
  return EXIT_FAILURE;
}

/** The first line of an error's message. */
export function oneLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0].trim() || (e instanceof Error ? e.name : 'unknown error');
}
