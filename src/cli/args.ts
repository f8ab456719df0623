/**
 * Hand-written argument parsing for `char-lstm` commands.
 *
 *   --name value, --name=value   string and number options
 *   --flag                       boolean options (no value)
 *   -h, --help                   always accepted
 *   --                           everything after it is positional
 */
import { CliError } from './errors';

/** 'string' options take a value (numbers are read from it with Args.number); 'boolean' ones take none. */
export type OptionKind = 'string' | 'boolean';
export type OptionSpec = Record<string, OptionKind>;

export interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
}

export class Args {
  constructor(
    readonly command: string,
    private readonly values: ReadonlyMap<string, string | true>,
    readonly positionals: readonly string[],
  ) {}

  get help(): boolean {
    return this.values.has('help');
  }

  flag(name: string): boolean {
    return this.values.get(name) === true;
  }

  string(name: string): string | undefined {
    const v = this.values.get(name);
    return typeof v === 'string' ? v : undefined;
  }

  number(name: string, fallback: number, rule: NumberRule = {}): number {
    const s = this.string(name);
    if (s === undefined) return fallback;
    const x = s.trim() === '' ? NaN : Number(s);
    const what = rule.integer ? 'a whole number' : 'a number';
    if (!Number.isFinite(x) || (rule.integer && !Number.isInteger(x))) {
      throw new CliError(`--${name} must be ${what}, not '${s}'`);
    }
    if (rule.min !== undefined && x < rule.min) throw new CliError(`--${name} must be at least ${rule.min}, not ${s}`);
    if (rule.max !== undefined && x > rule.max) throw new CliError(`--${name} must be at most ${rule.max}, not ${s}`);
    return x;
  }
}

export function parseArgs(command: string, argv: readonly string[], spec: OptionSpec): Args {
  const kinds: Record<string, OptionKind> = { ...spec, help: 'boolean' };
  const values = new Map<string, string | true>();
  const positionals: string[] = [];
  const hint = `see 'char-lstm ${command} --help'`;
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (arg === '--') {
      positionals.push(...argv.slice(k + 1));
      break;
    }
    if (arg === '-h') {
      values.set('help', true);
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    if (!arg.startsWith('--')) throw new CliError(`unknown option ${arg} for '${command}' (${hint})`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq >= 0 ? eq : undefined);
    const kind = Object.prototype.hasOwnProperty.call(kinds, name) ? kinds[name] : undefined;
    if (!kind) throw new CliError(`unknown option --${name} for '${command}' (${hint})`);
    if (values.has(name)) throw new CliError(`--${name} is given more than once`);
    if (kind === 'boolean') {
      if (eq >= 0) throw new CliError(`--${name} takes no value`);
      values.set(name, true);
    } else if (eq >= 0) {
      values.set(name, arg.slice(eq + 1));
    } else {
      if (k + 1 >= argv.length) throw new CliError(`--${name} needs a value (${hint})`);
      values.set(name, argv[++k]);
    }
  }
  return new Args(command, values, positionals);
}
