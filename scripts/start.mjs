// `npm start`: builds and packages the VSIX (scripts/package.mjs), then puts it where the
// user is:
//   - `code` on PATH: installs the VSIX into that VS Code (`code --install-extension`).
//   - otherwise: starts a local code-server on loopback with the extension installed on a
//     sample workspace and prints its URL (scripts/serve.ts, the end-to-end harness), until
//     Ctrl-C. When code-server cannot be set up, it says why, and shows the engine at work
//     with `char-lstm complete` on a sample prompt instead.
// Arguments after `npm start --` go to scripts/serve.ts (--port N, --exit-when-ready).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'char-lstm.js');
const model = join(root, 'models', 'default.onnx');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const target = 'linux-x64';
const vsix = join(root, `${pkg.name}-${target}-${pkg.version}.vsix`);
const prompt = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Pri';

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

// 1. Build and package.
const p = spawnSync(process.execPath, [join(root, 'scripts', 'package.mjs'), '--target', target, '--out', vsix], { stdio: 'inherit' });
if (p.status !== 0) process.exit(p.status ?? 1);

// 2. Install into VS Code when there is one.
const code = process.platform === 'linux' && process.arch === 'x64' ? onPath('code') : undefined;
if (code) {
  const r = spawnSync(code, ['--install-extension', vsix, '--force'], { stdio: 'inherit' });
  if (r.status === 0) {
    console.log('\nInstalled into VS Code. Open a code file and type: ghost text appears as you go (Tab accepts it).');
    console.log('The status bar reads "Char LSTM ✓ default" once the model is loaded; click it for the commands.');
    process.exit(0);
  }
  console.error('start: `code --install-extension` failed; showing the engine on the command line instead.');
} else {
  console.log(`\nThe extension is packaged: ${vsix}`);
  console.log('No `code` on PATH: starting it in a local code-server instead.\n');
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const s = spawnSync(process.execPath, [tsx, join(root, 'scripts', 'serve.ts'), '--vsix', vsix, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (s.status === 0) process.exit(0);
  if (process.argv.includes('--exit-when-ready')) process.exit(1); // a smoke test: no fallback
  console.error('\nstart: code-server could not be started (see above). Install the VSIX in VS Code with');
  console.error('"Extensions: Install from VSIX..." or `code --install-extension FILE`. Meanwhile, the engine on the command line:');
}

// 3. The engine on the command line.
if (!existsSync(model)) {
  console.log('\nThe embedded default model (models/default.onnx) is not in this checkout yet, so there is no');
  console.log('sample suggestion to show. Try the `char-lstm` command with a model file of your own (--model FILE):\n');
  const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
  process.stdout.write(help.stdout ?? '');
  process.exit(help.status === 0 ? 0 : 1);
}
const r = spawnSync(process.execPath, [bin, 'complete', '--json'], { input: prompt, encoding: 'utf8', stdio: ['pipe', 'pipe', 'inherit'] });
if (r.status !== 0) process.exit(r.status ?? 1);
const lines = r.stdout.trim().split('\n');
const { text, ms } = JSON.parse(lines[lines.length - 1]);
console.log('\nText before the cursor:\n');
console.log(prompt.replace(/^/gm, '  │ ') + '▌');
console.log(`\nSuggestion from the default model (${ms.toFixed(1)} ms): ${JSON.stringify(text)}\n`);
console.log(prompt.replace(/^/gm, '  │ ') + `\x1b[2m${text}\x1b[0m`);
