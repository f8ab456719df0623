import * as assert from 'node:assert/strict';
import { parseArgs } from '../../src/cli/args';
import { CliError, EXIT_USAGE } from '../../src/cli/errors';

const spec = { model: 'string', 'max-chars': 'string', json: 'boolean' } as const;

function usageError(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof CliError);
    assert.equal(e.exitCode, EXIT_USAGE);
    assert.match(e.message, pattern);
    return true;
  });
}

describe('cli: parseArgs', () => {
  it('reads --name value, --name=value, flags and positionals', () => {
    const a = parseArgs('eval', ['x', '--model', 'm.onnx', '--max-chars=7', '--json', 'y'], spec);
    assert.equal(a.string('model'), 'm.onnx');
    assert.equal(a.number('max-chars', 40, { integer: true }), 7);
    assert.equal(a.flag('json'), true);
    assert.deepEqual(a.positionals, ['x', 'y']);
    assert.equal(a.help, false);
  });

  it('defaults, -h, and -- ending the options', () => {
    const a = parseArgs('eval', ['-h', '--', '--json', '-'], spec);
    assert.equal(a.help, true);
    assert.equal(a.flag('json'), false);
    assert.equal(a.string('model'), undefined);
    assert.equal(a.number('max-chars', 40), 40);
    assert.deepEqual(a.positionals, ['--json', '-']);
  });

  it('refuses unknown, repeated, valueless and misvalued options', () => {
    usageError(() => parseArgs('eval', ['--bogus'], spec), /unknown option --bogus for 'eval'/);
    usageError(() => parseArgs('eval', ['-x'], spec), /unknown option -x/);
    usageError(() => parseArgs('eval', ['--toString'], spec), /unknown option --toString/);
    usageError(() => parseArgs('eval', ['--model'], spec), /--model needs a value/);
    usageError(() => parseArgs('eval', ['--json=yes'], spec), /--json takes no value/);
    usageError(() => parseArgs('eval', ['--json', '--json'], spec), /--json is given more than once/);
  });

  it('checks numbers', () => {
    const n = (v: string) => parseArgs('complete', ['--max-chars', v], spec).number('max-chars', 40, { integer: true, min: 1, max: 100 });
    assert.equal(n('12'), 12);
    usageError(() => n('1.5'), /must be a whole number, not '1.5'/);
    usageError(() => n('abc'), /must be a whole number/);
    usageError(() => n(''), /must be a whole number/);
    usageError(() => n('0'), /at least 1/);
    usageError(() => n('101'), /at most 100/);
  });
});
