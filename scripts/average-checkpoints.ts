/**
 * Averages the parameters of a finished run's saved checkpoints and its final model (tail
 * averaging after the fact, for a run that was started without `train --average`), measures
 * the mean and the final model on the run's own validation split, and writes the mean as a
 * contract-§2 model with the final model's `char_lstm.training` record plus how it was made.
 *
 *   npx tsx scripts/average-checkpoints.ts --final M.onnx --corpus DIR --out OUT.onnx CK...
 *
 * DIR must be the corpus the run trained on (the validation split is a hash of the paths, as
 * in the trainer). OUT is written only when the mean validates better than the final model.
 */
import * as fs from 'fs';
import { parseArgs } from 'node:util';
import { loadCheckpoint } from '../training/checkpoint';
import { collectCorpus } from '../training/corpus';
import { DEFAULT_CONFIG } from '../training/config';
import { trainValSplit } from '../training/split';
import { Params } from '../training/params';
import { exportModel, importParams } from '../training/modelIO';
import { valBpc } from '../training/train';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { final: { type: 'string' }, corpus: { type: 'string' }, out: { type: 'string' } },
    allowPositionals: true,
  });
  if (!values.final || !values.corpus || !values.out || positionals.length === 0) {
    throw new Error('usage: average-checkpoints.ts --final M.onnx --corpus DIR --out OUT.onnx CK...');
  }
  const final = importParams(await fs.promises.readFile(values.final), values.final);
  const members: Float32Array[] = [final.params.flat];
  const steps: number[] = [];
  for (const f of positionals) {
    const ck = await loadCheckpoint(f);
    if (!ck || ck.params.length !== final.params.count) throw new Error(`${f}: not a checkpoint of this model's shape`);
    members.push(ck.params);
    steps.push(ck.header.step);
  }
  const sum = new Float64Array(final.params.count);
  for (const m of members) for (let i = 0; i < sum.length; i++) sum[i] += m[i];
  const mean = new Params(final.params.shape, Float32Array.from(sum, (x) => x / members.length));

  const corpus = await collectCorpus(values.corpus, { valFraction: DEFAULT_CONFIG.valFraction });
  const { val } = trainValSplit(corpus.files, DEFAULT_CONFIG.valMaxChars);
  const bpcFinal = await valBpc(final.params, final.vocab, val);
  const bpcMean = await valBpc(mean, final.vocab, val);
  const chars = val.reduce((a, t) => a + t.length, 0);
  console.log(JSON.stringify({ members: members.length, steps, val_chars: chars, val_bpc_final: bpcFinal, val_bpc_mean: bpcMean }));
  if (!(bpcMean < bpcFinal)) {
    console.error(`the mean validates no better (${bpcMean.toFixed(4)} vs ${bpcFinal.toFixed(4)}); ${values.out} not written`);
    return;
  }
  const command = ['npx', 'tsx', 'scripts/average-checkpoints.ts', ...process.argv.slice(2)].join(' ');
  await exportModel(mean, final.vocab, {
    ...(final.training ?? {}),
    val_bpc: Math.round(bpcMean * 10000) / 10000,
    // The last step's figure: the final model's own record when it was itself a trainer's mean.
    val_bpc_last: final.training?.val_bpc_last ?? Math.round(bpcFinal * 10000) / 10000,
    averaged: { command, checkpoint_steps: steps, with_final_model: true, val_bpc_final: Math.round(bpcFinal * 10000) / 10000 },
  }, values.out);
  console.error(`wrote ${values.out}`);
}

main().catch((e) => {
  console.error((e as Error).message);
  process.exit(1);
});
