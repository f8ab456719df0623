// The pinned source list of the default model's pretraining corpus and of the separate
// held-out evaluation set. npm packages are pinned to exact versions here; Debian packages
// are pinned to the version apt finds (installed, else the candidate), which the builder
// records in the manifest. Every source names its SPDX licence; the builder checks it
// against the allow-list (select.ts) and, for npm, against the package's own package.json.
//
// include: path prefixes (relative to the package root / the Debian root) to keep; a
//          prefix ending in '/' is a folder, otherwise an exact file. Default: everything.
// exclude: patterns in .gitignore syntax, relative to the same root.

export type Language =
  | 'typescript' | 'javascript' | 'python' | 'go' | 'rust' | 'c-cpp' | 'java' | 'shell'
  | 'json' | 'yaml' | 'markdown' | 'toml';

export const LANGUAGES: readonly Language[] = [
  'typescript', 'javascript', 'python', 'go', 'rust', 'c-cpp', 'java', 'shell',
  'json', 'yaml', 'markdown', 'toml',
];

interface SourceBase {
  license: string;
  include?: string[];
  exclude?: string[];
  note?: string;
}

export interface NpmSource extends SourceBase {
  kind: 'npm';
  name: string;
  version: string;
}

export interface DebianSource extends SourceBase {
  kind: 'debian';
  /** Folder name of the source inside the corpus. */
  name: string;
  /** Debian binary packages whose files are read. */
  packages: string[];
  /** Absolute folders (as installed); one path segment may be a `*` glob (e.g. a version). */
  roots: string[];
  /** Read `*.gz` files (Debian compresses docs) decompressed, named without `.gz`. */
  gunzip?: boolean;
}

export type Source = NpmSource | DebianSource;

/** Folder name of a source inside the corpus: `@types/node` -> `types-node`. */
export function sourceId(s: Source): string {
  return s.kind === 'npm' ? s.name.replace(/^@/, '').replace(/\//g, '-') : s.name;
}

/** Human label with version placeholder for Debian (filled in from apt at build time). */
export function sourceLabel(s: Source): string {
  return s.kind === 'npm' ? `npm ${s.name}@${s.version}` : `Debian ${s.packages.join(', ')}`;
}

const CJS_DEV = ['cjs/', 'package.json', 'README.md'];
const NOT_PROD = ['*.production.js', '*.production.min.js', '*.profiling.js', '*.profiling.min.js'];
const TESTDATA = ['testdata/'];

/** Sources of the training corpus. Order does not matter for the result (see select.ts). */
export const TRAINING_SOURCES: readonly Source[] = [
  // ---- TypeScript ----
  { kind: 'npm', name: 'typescript', version: '5.9.3', license: 'Apache-2.0',
    include: ['lib/', 'package.json', 'README.md'], note: 'lib/*.d.ts (the compiler itself ships bundled)' },
  { kind: 'npm', name: '@types/node', version: '20.19.43', license: 'MIT' },
  { kind: 'npm', name: 'rxjs', version: '7.8.1', license: 'Apache-2.0', include: ['src/', 'package.json', 'README.md'] },
  { kind: 'npm', name: 'immer', version: '10.1.1', license: 'MIT', include: ['src/', 'package.json', 'readme.md'] },
  { kind: 'npm', name: '@reduxjs/toolkit', version: '2.5.0', license: 'MIT', include: ['src/', 'package.json', 'README.md'] },
  { kind: 'npm', name: 'mobx', version: '6.13.5', license: 'MIT', include: ['src/', 'package.json', 'README.md'] },
  { kind: 'npm', name: '@tanstack/query-core', version: '5.62.8', license: 'MIT', include: ['src/', 'package.json'] },
  { kind: 'npm', name: 'zod', version: '3.23.8', license: 'MIT',
    exclude: ['*.umd.js', '*.mjs'], note: 'lib/ (compiled JS + .d.ts)' },
  { kind: 'npm', name: 'date-fns', version: '4.1.0', license: 'MIT',
    exclude: ['*.cjs', '*.d.cts', 'locale/', 'cdn*', '/package.json'], note: 'package.json left out: a 200 KB exports map' },
  // ---- JavaScript ----
  { kind: 'npm', name: 'lodash', version: '4.17.21', license: 'MIT', exclude: ['fp/', 'core.js'] },
  { kind: 'npm', name: 'express', version: '4.21.2', license: 'MIT' },
  { kind: 'npm', name: 'react', version: '18.3.1', license: 'MIT', include: CJS_DEV, exclude: NOT_PROD },
  { kind: 'npm', name: '@vue/runtime-core', version: '3.5.13', license: 'MIT',
    exclude: ['*.prod.js', '*.esm-bundler.js'] },
  { kind: 'npm', name: '@vue/compiler-core', version: '3.5.13', license: 'MIT',
    exclude: ['*.prod.js', '*.esm-bundler.js'] },
  { kind: 'npm', name: 'axios', version: '1.7.9', license: 'MIT',
    include: ['lib/', 'index.d.ts', 'package.json', 'README.md'] },
  { kind: 'npm', name: 'chalk', version: '5.4.1', license: 'MIT' },
  { kind: 'npm', name: 'commander', version: '12.1.0', license: 'MIT' },
  { kind: 'npm', name: 'yargs', version: '17.7.2', license: 'MIT', exclude: ['locales/'] },
  { kind: 'npm', name: 'webpack', version: '5.97.1', license: 'MIT', include: ['lib/', 'hot/', 'schemas/', 'package.json', 'README.md'] },
  { kind: 'npm', name: 'eslint', version: '9.17.0', license: 'MIT', exclude: ['messages/'] },
  { kind: 'npm', name: 'jquery', version: '3.7.1', license: 'MIT', include: ['src/', 'package.json', 'README.md'] },
  { kind: 'npm', name: 'three', version: '0.171.0', license: 'MIT', include: ['src/', 'package.json', 'README.md'] },
  { kind: 'npm', name: 'svelte', version: '5.16.0', license: 'MIT', include: ['src/', 'package.json', 'README.md'] },
  { kind: 'npm', name: 'acorn', version: '8.14.0', license: 'MIT', exclude: ['dist/*.mjs'] },
  { kind: 'npm', name: 'undici', version: '7.2.0', license: 'MIT', exclude: ['lib/llhttp/'] },
  { kind: 'npm', name: 'semver', version: '7.6.3', license: 'ISC' },
  // ---- JSON ----
  { kind: 'npm', name: 'mdn-data', version: '2.12.2', license: 'CC0-1.0', note: 'structured JSON data' },
  // ---- Java (and C++, JS) ----
  { kind: 'npm', name: 'react-native', version: '0.72.17', license: 'MIT',
    include: ['ReactAndroid/src/main/java/', 'ReactCommon/', 'Libraries/', 'package.json', 'README.md'],
    note: 'Android Java, ReactCommon C++, Libraries JS' },
  { kind: 'npm', name: 'cordova-android', version: '12.0.1', license: 'Apache-2.0' },
  // ---- C/C++ from npm ----
  { kind: 'npm', name: 'node-addon-api', version: '8.3.0', license: 'MIT' },
  { kind: 'npm', name: 'nan', version: '2.22.0', license: 'MIT' },
  // ---- shell, Python ----
  { kind: 'npm', name: 'bats', version: '1.11.1', license: 'MIT', note: 'bats-core: bash scripts' },
  { kind: 'npm', name: 'node-gyp', version: '11.0.0', license: 'MIT', note: 'includes gyp (Python, BSD-3-Clause)' },
  // ---- Debian ----
  { kind: 'debian', name: 'neofetch', packages: ['neofetch'], roots: ['/usr/bin'], include: ['neofetch'],
    license: 'MIT', note: 'one large bash script' },
  { kind: 'debian', name: 'shunit2', packages: ['shunit2'], roots: ['/usr/share/shunit2', '/usr/share/doc/shunit2'],
    include: ['shunit2', 'shunit2_test_helpers', 'examples/', 'README.md.gz'], gunzip: true, license: 'Apache-2.0' },
  { kind: 'debian', name: 'go-std', packages: ['golang-1.19-src'], roots: ['/usr/share/go-1.19/src'],
    license: 'BSD-3-Clause', exclude: TESTDATA, note: 'Go standard library and toolchain source' },
  { kind: 'debian', name: 'rust-std', packages: ['rust-src'], roots: ['/usr/src/rustc-*/library'],
    license: 'MIT OR Apache-2.0', note: 'Rust core/alloc/std/stdarch source' },
  { kind: 'debian', name: 'python-stdlib', packages: ['libpython3.11-minimal', 'libpython3.11-stdlib'],
    roots: ['/usr/lib/python3.11'], license: 'PSF-2.0', exclude: ['site-packages/', 'dist-packages/', 'config-*/'] },
  { kind: 'debian', name: 'node-headers', packages: ['libnode-dev'], roots: ['/usr/include/nodejs'],
    license: 'MIT AND BSD-3-Clause', note: 'Node.js and V8 headers' },
  { kind: 'debian', name: 'libuv-headers', packages: ['libuv1-dev'], roots: ['/usr/include'],
    include: ['uv.h', 'uv/'], license: 'MIT' },
  { kind: 'debian', name: 'openssl-headers', packages: ['libssl-dev'],
    roots: ['/usr/include/openssl', '/usr/include/x86_64-linux-gnu/openssl'], license: 'Apache-2.0' },
  { kind: 'debian', name: 'sqlite-headers', packages: ['libsqlite3-dev'], roots: ['/usr/include'],
    include: ['sqlite3.h', 'sqlite3ext.h'], license: 'blessing', note: 'public domain' },
  { kind: 'debian', name: 'zlib-headers', packages: ['zlib1g-dev'], roots: ['/usr/include'],
    include: ['zlib.h', 'zconf.h'], license: 'Zlib' },
  { kind: 'debian', name: 'googletest', packages: ['googletest'], roots: ['/usr/src/googletest'], license: 'BSD-3-Clause' },
  { kind: 'debian', name: 'nlohmann-json', packages: ['nlohmann-json3-dev'], roots: ['/usr/include/nlohmann'], license: 'MIT' },
  { kind: 'debian', name: 'fmt', packages: ['libfmt-dev'], roots: ['/usr/include/fmt'], license: 'MIT' },
  { kind: 'debian', name: 'node-docs', packages: ['nodejs-doc'], roots: ['/usr/share/doc/nodejs/api'],
    gunzip: true, exclude: ['*.json.gz'], license: 'MIT', note: 'Node.js API docs (Markdown)' },
  { kind: 'debian', name: 'dt-schema', packages: ['dt-schema'], roots: ['/usr/lib/python3/dist-packages/dtschema'],
    license: 'BSD-2-Clause', note: 'devicetree YAML schemas + Python' },
  { kind: 'debian', name: 'rubocop-config', packages: ['rubocop'],
    roots: ['/usr/share/rubygems-integration/all/gems/rubocop-*/config'], license: 'MIT', note: 'YAML config' },
];

/** Sources of the held-out evaluation set: projects that are NOT in the training corpus. */
export const HELDOUT_SOURCES: readonly Source[] = [
  { kind: 'npm', name: 'preact', version: '10.25.4', license: 'MIT',
    include: ['src/', 'hooks/src/', 'compat/src/', 'package.json', 'README.md'] },
  { kind: 'npm', name: '@trpc/server', version: '10.45.2', license: 'MIT', include: ['src/', 'package.json', 'README.md'] },
  { kind: 'npm', name: 'luxon', version: '3.5.0', license: 'MIT', include: ['src/', 'package.json', 'README.md'] },
  { kind: 'npm', name: '@capacitor/android', version: '6.2.0', license: 'MIT' },
  { kind: 'npm', name: 'n', version: '10.1.0', license: 'MIT', note: 'bash script' },
  { kind: 'debian', name: 'dehydrated', packages: ['dehydrated'], roots: ['/usr/bin', '/usr/share/doc/dehydrated'],
    include: ['dehydrated', 'docs/', 'examples/', 'README.md.gz'], gunzip: true, license: 'MIT', note: 'bash' },
  { kind: 'debian', name: 'go-cobra', packages: ['golang-github-spf13-cobra-dev'],
    roots: ['/usr/share/gocode/src/github.com/spf13/cobra'], license: 'Apache-2.0' },
  { kind: 'debian', name: 'go-yaml-v3', packages: ['golang-gopkg-yaml.v3-dev'],
    roots: ['/usr/share/gocode/src/gopkg.in/yaml.v3'], license: 'MIT AND Apache-2.0' },
  { kind: 'debian', name: 'rust-serde', packages: ['librust-serde-dev'],
    roots: ['/usr/share/cargo/registry/serde-[0-9]*'], license: 'MIT OR Apache-2.0' },
  { kind: 'debian', name: 'rust-regex', packages: ['librust-regex-dev'],
    roots: ['/usr/share/cargo/registry/regex-[0-9]*'], license: 'MIT OR Apache-2.0' },
  { kind: 'debian', name: 'python-click', packages: ['python3-click'],
    roots: ['/usr/lib/python3/dist-packages/click'], license: 'BSD-3-Clause' },
  { kind: 'debian', name: 'python-attrs', packages: ['python3-attr'],
    roots: ['/usr/lib/python3/dist-packages/attr', '/usr/lib/python3/dist-packages/attrs'], license: 'MIT' },
  { kind: 'debian', name: 'python-requests', packages: ['python3-requests'],
    roots: ['/usr/lib/python3/dist-packages/requests'], license: 'Apache-2.0' },
  { kind: 'debian', name: 'rapidjson', packages: ['rapidjson-dev'], roots: ['/usr/include/rapidjson'], license: 'MIT' },
  { kind: 'debian', name: 'expat-headers', packages: ['libexpat1-dev'], roots: ['/usr/include'],
    include: ['expat.h', 'expat_config.h', 'expat_external.h'], license: 'MIT' },
  { kind: 'debian', name: 'zstd-headers', packages: ['libzstd-dev'], roots: ['/usr/include'],
    include: ['zstd.h', 'zdict.h', 'zstd_errors.h'], license: 'BSD-3-Clause OR GPL-2.0-only' },
  { kind: 'debian', name: 'openapi-spec', packages: ['openapi-specification'],
    roots: ['/usr/share/openapi-specification', '/usr/share/doc/openapi-specification'], gunzip: true,
    license: 'Apache-2.0', note: 'OpenAPI spec: Markdown, JSON and YAML schemas' },
  { kind: 'debian', name: 'linguist-yaml', packages: ['ruby-github-linguist'],
    roots: ['/usr/lib/x86_64-linux-gnu/rubygems-integration/*/gems/github-linguist-*/lib/linguist'],
    include: ['documentation.yml', 'generic.yml', 'heuristics.yml', 'languages.yml', 'popular.yml', 'vendor.yml'],
    license: 'MIT', note: 'YAML data files only' },
  { kind: 'debian', name: 'cjson-headers', packages: ['libcjson-dev'], roots: ['/usr/include/cjson'], license: 'MIT' },
];

/** Most characters one source may contribute. */
export const SOURCE_CAP = 6_000_000;

/** Most characters per language in the training corpus (sum ~40.3 M; shell, YAML, TOML fall short). */
export const TRAINING_LANGUAGE_CAPS: Readonly<Record<Language, number>> = {
  typescript: 6_000_000, javascript: 6_000_000, python: 5_000_000, go: 5_000_000,
  rust: 5_000_000, 'c-cpp': 5_000_000, java: 3_000_000, shell: 1_000_000,
  json: 1_500_000, yaml: 500_000, markdown: 2_500_000, toml: 300_000,
};

/** Most characters per language in the held-out set (sum ~3.4 M at most). */
export const HELDOUT_LANGUAGE_CAPS: Readonly<Record<Language, number>> = {
  typescript: 400_000, javascript: 400_000, python: 400_000, go: 400_000,
  rust: 400_000, 'c-cpp': 400_000, java: 400_000, shell: 150_000,
  json: 100_000, yaml: 200_000, markdown: 150_000, toml: 30_000,
};
