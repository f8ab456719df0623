// `npm run package`: builds the platform-specific VSIX.
//
//   node scripts/package.mjs [--target linux-x64] [--out FILE] [--stage DIR] [--no-build]
//
// The bundle (out/extension.js, and out/cli.js for Retrain) keeps onnxruntime-node external
// because it loads a native addon from its own folder, so the VSIX must carry
// node_modules/onnxruntime-node and onnxruntime-common, with the binaries of ONE platform
// (the package holds every platform's: 288 MB). Rather than filter the whole checkout with
// .vscodeignore, this script stages a clean folder (.cache/vsix-stage/) with exactly what
// ships, then runs `vsce package --target T` there:
//   package.json   trimmed: no scripts, no devDependencies, only the runtime dependency
//   out/           extension.js and cli.js (no source maps)
//   models/        default.onnx (when present) and its README
//   README.md, LICENSE
//   node_modules/onnxruntime-node    package.json, dist/*.js, bin/napi-v*/<platform>/<arch>/
//   node_modules/onnxruntime-common  package.json, dist/cjs/*.js
// vsce finds the two packages with `npm list --production` (so their package.json files
// are trimmed to name the one dependency they need at run time). A linux-x64 VSIX must
// stay within 30 MB; the script prints the size and fails above that.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MAX_LINUX_X64_BYTES = 30 * 1024 * 1024;
const TARGETS = {
  'linux-x64': ['linux', 'x64'],
  'linux-arm64': ['linux', 'arm64'],
  'darwin-arm64': ['darwin', 'arm64'],
  'darwin-x64': ['darwin', 'x64'],
  'win32-x64': ['win32', 'x64'],
  'win32-arm64': ['win32', 'arm64'],
};

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

function option(name) {
  const k = process.argv.indexOf(`--${name}`);
  if (k < 0) return undefined;
  const v = process.argv[k + 1];
  if (v === undefined || v.startsWith('--')) fail(`--${name} needs a value`);
  return v;
}

const target = option('target') ?? `${process.platform}-${process.arch}`;
if (!TARGETS[target]) fail(`unknown --target ${target} (one of: ${Object.keys(TARGETS).join(', ')})`);
const [platform, arch] = TARGETS[target];
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outFile = option('out') ?? join(root, `${pkg.name}-${target}-${pkg.version}.vsix`);
const stage = option('stage') ?? join(root, '.cache', 'vsix-stage');

// 1. Build.
if (!process.argv.includes('--no-build')) {
  const b = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (b.status !== 0) fail('the build failed');
}
for (const f of ['out/extension.js', 'out/cli.js', 'README.md', 'LICENSE']) {
  if (!existsSync(join(root, f))) fail(`${f} is missing`);
}

// 2. Stage.
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
const copy = (from, to = from) => {
  mkdirSync(dirname(join(stage, to)), { recursive: true });
  cpSync(join(root, from), join(stage, to), { recursive: true });
};
const copyFiles = (dir, keep, to = dir) => {
  for (const name of readdirSync(join(root, dir))) {
    const rel = join(dir, name);
    if (statSync(join(root, rel)).isDirectory()) continue;
    if (keep(name)) copy(rel, join(to, name));
  }
};

// Node's own lookup: node_modules/<name> in the folder or the nearest parent that has it
// (require.resolve cannot name package.json when a package's "exports" leaves it out).
function packageDir(name, from) {
  for (let dir = from; ; dir = dirname(dir)) {
    const p = join(dir, 'node_modules', name);
    if (existsSync(join(p, 'package.json'))) return p;
    if (dirname(dir) === dir) fail(`${name} is not installed; run \`npm ci\` first`);
  }
}
const ortDir = packageDir('onnxruntime-node', root);
const ortPkg = JSON.parse(readFileSync(join(ortDir, 'package.json'), 'utf8'));
const commonDir = packageDir('onnxruntime-common', ortDir);
const commonPkg = JSON.parse(readFileSync(join(commonDir, 'package.json'), 'utf8'));

const manifest = { ...pkg };
for (const k of ['scripts', 'devDependencies', 'bin', 'private']) delete manifest[k];
manifest.dependencies = { 'onnxruntime-node': ortPkg.version };
writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

copy('out/extension.js');
copy('out/cli.js');
copy('LICENSE');
// vsce rewrites relative links and images in the README against a repository URL, and this
// project publishes none: in the packaged copy they become plain text.
const readme = readFileSync(join(root, 'README.md'), 'utf8')
  .replace(/!\[([^\]]*)\]\((?!https?:)[^)]*\)/g, '')
  .replace(/\[([^\]]+)\]\((?!https?:|#|mailto:)[^)]*\)/g, '$1');
writeFileSync(join(stage, 'README.md'), readme);
const model = join(root, 'models', 'default.onnx');
if (existsSync(model)) copy('models/default.onnx');
else console.error('package: models/default.onnx is not there: the VSIX will have no default model');
if (existsSync(join(root, 'models', 'README.md'))) copy('models/README.md');

// onnxruntime-node: its JavaScript and one platform's binaries; no install script, no
// dependencies beyond onnxruntime-common (adm-zip and global-agent serve only its installer).
const ortStage = join('node_modules', 'onnxruntime-node');
const ortManifest = { name: ortPkg.name, version: ortPkg.version, license: ortPkg.license, main: ortPkg.main, os: ortPkg.os, dependencies: { 'onnxruntime-common': ortPkg.dependencies['onnxruntime-common'] } };
mkdirSync(join(stage, ortStage), { recursive: true });
writeFileSync(join(stage, ortStage, 'package.json'), `${JSON.stringify(ortManifest, null, 2)}\n`);
copyFiles(relative(root, join(ortDir, 'dist')), (n) => n.endsWith('.js'), join(ortStage, 'dist'));
let binaries = 0;
for (const napi of readdirSync(join(ortDir, 'bin')).filter((n) => n.startsWith('napi-v'))) {
  const dir = join(ortDir, 'bin', napi, platform, arch);
  if (!existsSync(dir)) continue;
  copy(relative(root, dir), join(ortStage, 'bin', napi, platform, arch));
  binaries++;
}
if (binaries === 0) fail(`onnxruntime-node has no binaries for ${platform}/${arch}`);

const commonStage = join('node_modules', 'onnxruntime-common');
const commonManifest = { name: commonPkg.name, version: commonPkg.version, license: commonPkg.license, main: commonPkg.main, exports: { require: commonPkg.exports?.require ?? './dist/cjs/index.js' } };
mkdirSync(join(stage, commonStage), { recursive: true });
writeFileSync(join(stage, commonStage, 'package.json'), `${JSON.stringify(commonManifest, null, 2)}\n`);
const cjs = join(commonDir, 'dist', 'cjs');
cpSync(cjs, join(stage, commonStage, 'dist', 'cjs'), {
  recursive: true,
  filter: (src) => statSync(src).isDirectory() || src.endsWith('.js') || src.endsWith('package.json'),
});
writeFileSync(join(stage, '.vscodeignore'), '**/*.map\n**/*.d.ts\n**/*.ts\n.vscodeignore\n');

// 3. Package.
const vsceDir = packageDir('@vscode/vsce', root);
const vsceBin = join(vsceDir, JSON.parse(readFileSync(join(vsceDir, 'package.json'), 'utf8')).bin.vsce);
mkdirSync(dirname(outFile), { recursive: true });
rmSync(outFile, { force: true });
const v = spawnSync(process.execPath, [vsceBin, 'package', '--target', target, '--out', outFile, '--allow-missing-repository'], {
  cwd: stage,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, npm_config_loglevel: 'error' },
});
if (v.status !== 0) fail(`vsce failed (exit ${v.status})`);

const bytes = statSync(outFile).size;
const mb = (bytes / (1024 * 1024)).toFixed(1);
console.log(`package: ${relative(process.cwd(), outFile) || outFile}: ${mb} MB (${bytes} bytes), target ${target}`);
if (target === 'linux-x64' && bytes > MAX_LINUX_X64_BYTES) fail(`the linux-x64 VSIX is ${mb} MB, over the 30 MB limit`);
