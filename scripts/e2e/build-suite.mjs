// Bundles the integration suite (test/suite/, run inside the editor's extension host) into
// out/test/suite/index.js. `vscode` is the editor's; mocha and onnxruntime-node are loaded
// from this checkout's node_modules at run time.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { bundleOptions } from '../esbuildOptions.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const started = Date.now();
await esbuild.build({
  ...bundleOptions(root),
  entryPoints: ['test/suite/index.ts'],
  outfile: 'out/test/suite/index.js',
  external: ['vscode', 'mocha', 'onnxruntime-node'],
});
console.error(`build-suite: out/test/suite/index.js in ${Date.now() - started} ms`);
