// `npm start` (after `npm run build`). Until the extension exists (a later issue), this shows
// the engine at work: `char-lstm complete` with the embedded default model on a sample prompt.
// Without models/default.onnx (it arrives with issue 4) it says so and shows the CLI's help.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'char-lstm.js');
const model = join(root, 'models', 'default.onnx');
const prompt = 'def fibonacci(n):\n    if n < 2:\n        return n\n    return ';

const cli = (args, input) =>
  spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'inherit'] });

if (!existsSync(model)) {
  console.log('The embedded default model (models/default.onnx) is not in this checkout yet: it arrives with issue 4.');
  console.log('Until then, try the `char-lstm` command with a model file of your own (--model FILE):\n');
  const help = cli(['--help']);
  process.stdout.write(help.stdout ?? '');
  process.exit(help.status === 0 ? 0 : 1);
}

const r = cli(['complete', '--json'], prompt);
if (r.status !== 0) process.exit(r.status ?? 1);
const lines = r.stdout.trim().split('\n');
const { text, ms } = JSON.parse(lines[lines.length - 1]);
console.log('Text before the cursor:\n');
console.log(prompt.replace(/^/gm, '  │ ') + '▌');
console.log(`\nSuggestion (${ms.toFixed(1)} ms): ${JSON.stringify(text)}\n`);
console.log(prompt.replace(/^/gm, '  │ ') + `\x1b[2m${text}\x1b[0m`);
