/**
 * `npm run bench`: benchmarks printed as one JSON object on stdout (progress on stderr).
 * - train: characters per second of full optimisation steps (train-step graph, clipping,
 *   Adam), median over steps, for the PyTorch reference shape and our defaults.
 * Inference latency is `char-lstm bench` (it needs a model; see the README).
 */
import { benchTrainStep, TRAIN_BENCH_CASES } from '../training/bench';

async function main(): Promise<void> {
  const train = [];
  for (const c of TRAIN_BENCH_CASES) {
    process.stderr.write(`bench: train ${c.layers}x${c.hidden} E${c.embed}, batch ${c.batch} x ${c.seq}...\n`);
    train.push(await benchTrainStep(c));
  }
  process.stdout.write(`${JSON.stringify({ train, machine: { cpus: require('os').cpus().length } })}\n`);
}

main().catch((e) => {
  process.stderr.write(`bench: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
