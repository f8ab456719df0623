import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { train, TrainInputError, TrainRequest } from '../../training/train';
import { exportModel, importParams } from '../../training/modelIO';
import { initParams } from '../../training/params';
import { loadCheckpoint, saveCheckpoint, CheckpointHeader } from '../../training/checkpoint';
import { defaultCodeVocab } from '../../src/model/vocab';
import { CharModel } from '../../src/runtime/onnxModel';
import { tmpDir } from '../helpers/tmp';

const tiny = { layers: 1, hidden: 16, embed: 8, batch: 4, seq: 16, threads: 1, lr: 1e-2, checkpointEverySec: 0 };

function sourceTree(): string {
  const dir = tmpDir('tree');
  const fn = (k: number) =>
    `function add${k}(a, b) {\n  return a + b + ${k};\n}\n\nexport const value${k} = add${k}(${k}, ${k + 1});\n`;
  for (let k = 0; k < 12; k++) fs.writeFileSync(path.join(dir, `mod${k}.js`), fn(k).repeat(3));
  fs.writeFileSync(path.join(dir, '.env'), 'SECRET=hunter2\n');
  return dir;
}

const base = (root: string, out: string, extra: Partial<TrainRequest> = {}): TrainRequest => ({
  root,
  out,
  from: 'scratch',
  config: { ...tiny, steps: 40 },
  ...extra,
});

describe('training loop', function () {
  this.timeout(120000);
  const root = sourceTree();

  it('trains from scratch: validation bpc drops, the model file follows the contract', async () => {
    const out = path.join(tmpDir('out'), 'm.onnx');
    const r = await train(base(root, out));
    assert.equal(r.steps, 40);
    assert.ok(r.val_chars > 0 && r.train_chars > 0);
    assert.ok(r.val_bpc_after < r.val_bpc_before - 1, `bpc ${r.val_bpc_before} -> ${r.val_bpc_after}`);
    const m = await CharModel.load(out);
    assert.equal(m.info.hidden, 16);
    assert.equal(m.info.training?.from, 'scratch');
    assert.ok(Math.abs((m.info.training?.val_bpc as number) - r.val_bpc_after) < 1e-3);
    await m.release();
    assert.ok(!fs.existsSync(`${out}.ckpt`), 'checkpoint removed after success');
  });

  it('is deterministic with --steps and --seed', async () => {
    const dir = tmpDir('det');
    await train(base(root, path.join(dir, 'a.onnx')));
    await train(base(root, path.join(dir, 'b.onnx')));
    const a = importParams(fs.readFileSync(path.join(dir, 'a.onnx')), 'a').params.flat;
    const b = importParams(fs.readFileSync(path.join(dir, 'b.onnx')), 'b').params.flat;
    assert.deepEqual(a, b);
  });

  it('export then import gives back the same parameters', async () => {
    const p = initParams({ vocab: 98, embed: 5, layers: 2, hidden: 7 }, 3);
    const f = path.join(tmpDir('io'), 'p.onnx');
    await exportModel(p, defaultCodeVocab(), { from: 'test' }, f);
    assert.deepEqual(importParams(fs.readFileSync(f), f).params.flat, p.flat);
  });

  it('fine-tunes from a file, keeping its vocabulary and shape', async () => {
    const dir = tmpDir('ft');
    const start = path.join(dir, 'start.onnx');
    const vocab = ['?', '\n', ' ', ...'abcdefghijklmnopqrstuvwxyz(){};=+,0123456789'];
    await exportModel(initParams({ vocab: vocab.length, embed: 6, layers: 1, hidden: 12 }, 2), vocab, {}, start);
    const out = path.join(dir, 'ft.onnx');
    await train(base(root, out, { from: start }));
    const m = await CharModel.load(out);
    assert.deepEqual(m.info.vocab, vocab);
    assert.equal(m.info.hidden, 12);
    await m.release();
  });

  it('grows a model with --from M --hidden H: same predictions at the start, then it trains', async () => {
    const dir = tmpDir('grow');
    const start = path.join(dir, 'start.onnx');
    const first = await train(base(root, start));
    const out = path.join(dir, 'grown.onnx');
    const r = await train(base(root, out, { from: start, explicitShape: { hidden: 24 }, config: { ...tiny, steps: 20 } }));
    // The grown model starts where the small one ended (the new units' outputs start at zero).
    assert.ok(Math.abs(r.val_bpc_before - first.val_bpc_after) < 1e-3, `${r.val_bpc_before} vs ${first.val_bpc_after}`);
    const m = await CharModel.load(out);
    assert.equal(m.info.hidden, 24);
    assert.equal(m.info.layers, 1);
    await m.release();
  });

  it('records the command and the lineage of a fine-tuned model in its metadata', async () => {
    const dir = tmpDir('lineage');
    const start = path.join(dir, 'start.onnx');
    const earlier = { minutes: 7, from: 'scratch', command: 'char-lstm train a --out b', history: [{ minutes: 3, from: 'scratch' }] };
    await exportModel(initParams({ vocab: 98, embed: 6, layers: 1, hidden: 12 }, 2), defaultCodeVocab(), earlier, start);
    const out = path.join(dir, 'ft.onnx');
    await train(base(root, out, { from: start, command: 'char-lstm train x --out ft.onnx' }));
    const m = await CharModel.load(out);
    const t = m.info.training as Record<string, unknown>;
    await m.release();
    assert.equal(t.command, 'char-lstm train x --out ft.onnx');
    assert.deepEqual(t.history, [{ minutes: 3, from: 'scratch' }, { minutes: 7, from: 'scratch', command: 'char-lstm train a --out b' }]);
    assert.ok(Math.abs((t.total_minutes as number) - (10 + (t.minutes as number))) < 0.02, `total ${t.total_minutes}, this run ${t.minutes}`);
  });

  describe('bad input fails before training with a clear message', () => {
    const expectInputError = (req: TrainRequest, pattern: RegExp) =>
      assert.rejects(train(req), (e: unknown) => {
        assert.ok(e instanceof TrainInputError, `expected TrainInputError, got ${e}`);
        assert.match((e as Error).message, pattern);
        return true;
      });

    it('an empty folder', () => expectInputError(base(tmpDir('empty'), path.join(tmpDir('o'), 'm.onnx')), /No trainable files/i));

    it('a folder of only secrets and binaries says what was skipped', async () => {
      const dir = tmpDir('odd');
      fs.writeFileSync(path.join(dir, '.env.local'), 'A=1');
      fs.writeFileSync(path.join(dir, 'blob.bin'), Buffer.from([0, 1, 2, 0]));
      await expectInputError(base(dir, path.join(tmpDir('o'), 'm.onnx')), /secret/);
    });

    it('an unwritable --out', () => expectInputError(base(root, '/nonexistent-dir/x/m.onnx'), /cannot write --out.*does not exist/));

    it('--from a file that is not a model', async () => {
      const f = path.join(tmpDir('nf'), 'junk.onnx');
      fs.writeFileSync(f, 'junk');
      await expectInputError(base(root, path.join(tmpDir('o'), 'm.onnx'), { from: f }), /not an ONNX model/);
    });

    it('--from with a shape that disagrees', async () => {
      const dir = tmpDir('shape');
      const start = path.join(dir, 's.onnx');
      await exportModel(initParams({ vocab: 98, embed: 4, layers: 1, hidden: 8 }, 1), defaultCodeVocab(), {}, start);
      await expectInputError(base(root, path.join(dir, 'o.onnx'), { from: start, explicitShape: { hidden: 4 } }), /cannot narrow|disagrees/);
      await expectInputError(base(root, path.join(dir, 'o.onnx'), { from: start, explicitShape: { layers: 2 } }), /disagrees/);
      await expectInputError(base(root, path.join(dir, 'o.onnx'), { from: start, explicitShape: { hidden: 16, embed: 6 } }), /only --hidden can grow/);
    });
  });

  it('tail averaging: the written model is the better of the last step and the mean of the last steps', async () => {
    const out = path.join(tmpDir('avg'), 'm.onnx');
    const r = await train(base(root, out, { config: { ...tiny, steps: 40, averageTail: 0.5 } }));
    assert.ok(r.val_bpc_last !== undefined, 'the average was compared with the last step');
    assert.ok(r.averaged_steps === 0 || r.averaged_steps === 20, `averaged ${r.averaged_steps} steps`);
    assert.equal(r.val_bpc_after, Math.min(r.val_bpc_after, r.val_bpc_last));
    if (r.averaged_steps === 0) assert.equal(r.val_bpc_after, r.val_bpc_last);
    else assert.ok(r.val_bpc_after < r.val_bpc_last);
    const m = await CharModel.load(out);
    assert.ok(Math.abs((m.info.training?.val_bpc as number) - r.val_bpc_after) < 1e-3);
    assert.equal(m.info.training?.averaged_steps, r.averaged_steps);
    await m.release();
    const plain = await train(base(root, path.join(tmpDir('avg0'), 'm.onnx')));
    assert.equal(plain.val_bpc_last, undefined);
    assert.equal(plain.averaged_steps, 0);
  });

  it('checkpoints keep the tail average, and read back without one', async () => {
    const dir = tmpDir('ck');
    const header = (avgCount: number): CheckpointHeader => ({
      shape: { vocab: 3, embed: 1, layers: 1, hidden: 1 }, vocab: ['?', 'a', 'b'], step: 7, elapsedSec: 1, adamT: 7,
      batcher: { epoch: 0, queue: [], rows: [], chunks: 0 }, fingerprint: 'f', valBpcBefore: 2, from: 'scratch', trainedChars: 9, avgCount,
    });
    const arr = (k: number) => Float32Array.from([k, k + 0.5, -k]);
    await saveCheckpoint(path.join(dir, 'a'), { header: header(4), params: arr(1), m: arr(2), v: arr(3), avg: arr(4) });
    const a = await loadCheckpoint(path.join(dir, 'a'));
    assert.deepEqual([a?.params, a?.m, a?.v, a?.avg, a?.header.avgCount], [arr(1), arr(2), arr(3), arr(4), 4]);
    await saveCheckpoint(path.join(dir, 'b'), { header: header(0), params: arr(1), m: arr(2), v: arr(3), avg: arr(4) });
    const b = await loadCheckpoint(path.join(dir, 'b'));
    assert.deepEqual([b?.params, b?.m, b?.v, b?.avg], [arr(1), arr(2), arr(3), undefined]);
  });

  it('a cancelled run leaves a good --out untouched, and the next run resumes from the checkpoint', async () => {
    const dir = tmpDir('cancel');
    const out = path.join(dir, 'm.onnx');
    fs.writeFileSync(out, 'previous good model');
    const ac = new AbortController();
    const req = base(root, out, { signal: ac.signal, config: { ...tiny, steps: 1_000_000 }, onProgress: (p) => p.step >= 5 && ac.abort() });
    await assert.rejects(train(req), /cancelled at step \d+; .* was not changed/);
    assert.equal(fs.readFileSync(out, 'utf8'), 'previous good model');
    assert.ok(fs.existsSync(`${out}.ckpt`));
    const r = await train(base(root, out, { config: { ...tiny, steps: 200 } }));
    assert.ok((r.resumed_from_step ?? 0) >= 5, `resumed from ${r.resumed_from_step}`);
    assert.ok(r.steps >= 200);
    const m = await CharModel.load(out);
    await m.release();
  });
});
