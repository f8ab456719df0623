/**
 * `char-lstm eval` on a contract-following model written by someone else
 * (test/helpers/foreignModel.ts), checked against an independent float64 reader of the
 * contract; and the exit codes of the command.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { defaultModelPath } from '../../src/runtime/defaultModel';
import { buildForeignModel, foreignReference, ForeignModel } from '../helpers/foreignModel';
import { lastJson, runCli } from '../helpers/cli';
import { tmpDir } from '../helpers/tmp';
import { writeTemp } from '../helpers/models';

const FILES: Record<string, string> = {
  // Characters outside the vocabulary (Z, é, an emoji, capitals), \r\n, tabs.
  'app.py': 'import os\r\n\r\ndef main():\r\n\tprint("héllo 😀", os.name)\r\n\r\nif __name__ == "__main__":\r\n\tmain()\r\n',
  'lib/util.js': Array.from({ length: 50 }, (_, k) => `export const value_${k} = (a, b) => { return a + b * ${k}; };\n`).join(''),
  'notes.md': 'a short note.\n',
};

function writeTree(): string {
  const dir = tmpDir('foreign-src');
  for (const [rel, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.join(dir, path.dirname(rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

describe('cli: a contract-following model written by someone else', function () {
  this.timeout(120_000);
  let foreign: ForeignModel;
  let modelFile: string;
  let dir: string;
  before(() => {
    foreign = buildForeignModel(2024);
    modelFile = writeTemp(foreign.bytes, 'someone-else.onnx', 'foreign');
    dir = writeTree();
  });

  it('eval --json over a folder gives the bpc of an independent float64 reader', () => {
    let bits = 0;
    let chars = 0;
    let correct = 0;
    for (const text of Object.values(FILES)) {
      const r = foreignReference(foreign, text);
      bits += r.bits;
      chars += r.chars;
      correct += r.correct;
    }
    assert.ok(chars > 2000, 'the long file needs several time chunks');
    const run = runCli(['eval', '--model', modelFile, '--json', dir]);
    assert.equal(run.code, 0, run.stderr);
    const got = lastJson(run.stdout);
    assert.deepEqual(Object.keys(got).sort(), ['bpc', 'chars', 'files', 'top1']);
    assert.equal(got.files, 3);
    assert.equal(got.chars, chars);
    // float32 inference against a float64 reader agrees to about 1e-6 here. A tolerance of
    // 1e-5 (not looser) is what catches a state dropped between time chunks (3e-4 off) or a
    // wrong start token (5e-5 off) on this corpus.
    assert.ok(Math.abs((got.bpc as number) - bits / chars) < 1e-5, `bpc ${got.bpc} vs reference ${bits / chars}`);
    assert.ok(Math.abs((got.top1 as number) - correct / chars) <= 2 / chars + 1e-6, `top1 ${got.top1} vs ${correct / chars}`);
  });

  it('eval of files named one by one equals eval of their folder; text output is one summary line', () => {
    const files = Object.keys(FILES).map((rel) => path.join(dir, rel));
    const each = runCli(['eval', '--model', modelFile, '--json', ...files]);
    const whole = runCli(['eval', '--model', modelFile, '--json', dir]);
    assert.equal(each.code, 0, each.stderr);
    assert.deepEqual(lastJson(each.stdout), lastJson(whole.stdout));
    const short = foreignReference(foreign, FILES['notes.md']);
    const one = lastJson(runCli(['eval', '--model', modelFile, '--json', files[2]]).stdout);
    assert.equal(one.chars, short.chars);
    assert.ok(Math.abs((one.bpc as number) - short.bits / short.chars) < 1e-5, `short file: ${one.bpc} vs ${short.bits / short.chars}`);
    const text = runCli(['eval', '--model', modelFile, files[2]]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^\d+\.\d{4} bits per character, top-1 \d+\.\d\d% over 14 characters in 1 file/);
  });

  describe('exit codes: one line on stderr', () => {
    const expectFailure = (args: string[], code: number, pattern: RegExp) => {
      const r = runCli(args);
      assert.equal(r.code, code, `exit code (stderr: ${r.stderr})`);
      // Progress lines may come first; the error is the one and last `char-lstm:` line.
      const lines = r.stderr.trim().split('\n');
      const errors = lines.filter((l) => l.startsWith('char-lstm: '));
      assert.equal(errors.length, 1, `one error line on stderr: ${r.stderr}`);
      assert.equal(errors[0], lines[lines.length - 1]);
      assert.match(errors[0], pattern);
      assert.equal(r.stdout, '');
    };

    it('missing model file: 2', () =>
      expectFailure(['eval', '--model', path.join(dir, 'nope.onnx'), dir], 2, /cannot read model file .*nope\.onnx: no such file/));

    it('no --model while no default model is installed: 2', function () {
      if (defaultModelPath()) this.skip(); // the default model exists now: nothing to test here
      expectFailure(['eval', dir], 2, /no embedded default model .*pass --model FILE/);
      expectFailure(['complete', '--model', 'default'], 2, /no embedded default model/);
    });

    it('corrupt model: 2', () => {
      const bad = writeTemp(foreign.bytes.subarray(0, 300), 'truncated.onnx', 'corrupt');
      expectFailure(['eval', '--model', bad, dir], 2, /truncated\.onnx: not an ONNX model/);
    });

    it('bad flag, bad value, missing PATH, unknown command: 2', () => {
      expectFailure(['eval', '--model', modelFile, '--bogus', dir], 2, /unknown option --bogus for 'eval'/);
      expectFailure(['complete', '--model', modelFile, '--max-chars', 'many'], 2, /--max-chars must be a whole number/);
      expectFailure(['eval', '--model', modelFile], 2, /eval needs at least one PATH/);
      expectFailure(['frobnicate'], 2, /unknown command 'frobnicate'/);
    });

    it('unreadable input: 2', () => {
      expectFailure(['eval', '--model', modelFile, path.join(dir, 'missing.py')], 2, /cannot read .*missing\.py: no such file or folder/);
      const empty = tmpDir('empty');
      expectFailure(['eval', '--model', modelFile, empty], 2, /nothing to evaluate: no text files passed the filters/);
    });

    it('--help: usage on stdout, exit 0', () => {
      for (const args of [['--help'], ['eval', '--help'], ['complete', '-h'], ['bench', '--help'], ['simulate', '--help']]) {
        const r = runCli(args);
        assert.equal(r.code, 0);
        assert.match(r.stdout, /^Usage: char-lstm /);
      }
    });
  });
});
