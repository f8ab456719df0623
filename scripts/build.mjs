// Bundles the extension and the `char-lstm` command with esbuild:
//   src/extension.ts -> out/extension.js   (external: vscode, onnxruntime-node)
//   src/cli.ts       -> out/cli.js         (external: onnxruntime-node)
//   src/bench.ts     -> out/bench.js       (when it exists)
// onnxruntime-node stays external: it loads a native addon from its own folder.
//
//   node scripts/build.mjs               build, fail on errors
//   node scripts/build.mjs --if-possible the postinstall step: never fails the install; skips
//                                        when esbuild is not installed (npm ci --omit=dev)
//                                        and only warns when the sources do not build
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleOptions } from './esbuildOptions.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ifPossible = process.argv.includes('--if-possible');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  if (ifPossible) {
    console.error('build: esbuild is not installed (dev dependencies omitted); skipping the build');
    process.exit(0);
  }
  console.error('build: esbuild is not installed; run `npm ci` first');
  process.exit(1);
}

const common = bundleOptions(root);

const entries = [
  { in: 'src/extension.ts', out: 'out/extension.js', external: ['vscode', 'onnxruntime-node'] },
  { in: 'src/cli.ts', out: 'out/cli.js', external: ['onnxruntime-node'] },
  { in: 'src/bench.ts', out: 'out/bench.js', external: ['onnxruntime-node'], optional: true },
];

const started = Date.now();
const built = [];
try {
  for (const e of entries) {
    if (!existsSync(join(root, e.in))) {
      if (e.optional) continue;
      throw new Error(`${e.in} is missing`);
    }
    await esbuild.build({ ...common, entryPoints: [e.in], outfile: e.out, external: e.external });
    built.push(e.out);
  }
} catch (err) {
  // esbuild has already printed its diagnostics.
  console.error(`build: failed (${String(err?.message ?? err).split('\n')[0]})`);
  if (ifPossible) console.error('build: continuing the install without a build; run `npm run build` to see the errors again');
  process.exit(ifPossible ? 0 : 1);
}
console.error(`build: ${built.join(', ')} in ${Date.now() - started} ms`);
