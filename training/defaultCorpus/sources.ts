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
/** Go packages: no test data, no vendored copies, no generated tables or protobuf code. */
const GO_EXCLUDE = ['testdata/', 'vendor/', 'tables*.go', '*.pb.go'];
/** Python packages: no vendored copies (pip-style _vendor/ could hold a held-out project). */
const PY_EXCLUDE = ['_vendor/', 'vendor/'];
const GIT_EXTRAS = [
  'git-abort', 'git-alias', 'git-archive-file', 'git-authors', 'git-browse', 'git-browse-ci',
  'git-brv', 'git-bulk', 'git-changelog', 'git-clear', 'git-clear-soft', 'git-coauthor',
  'git-commits-since', 'git-contrib', 'git-count', 'git-cp', 'git-create-branch', 'git-delete-branch',
  'git-delete-merged-branches', 'git-delete-squashed-branches', 'git-delete-submodule', 'git-delete-tag', 'git-delta', 'git-effort',
  'git-extras', 'git-feature', 'git-force-clone', 'git-fork', 'git-fresh-branch', 'git-graft',
  'git-guilt', 'git-ignore', 'git-ignore-io', 'git-info', 'git-local-commits', 'git-lock',
  'git-locked', 'git-magic', 'git-merge-into', 'git-merge-repo', 'git-missing', 'git-mr',
  'git-obliterate', 'git-paste', 'git-pr', 'git-psykorebase', 'git-pull-request', 'git-reauthor',
  'git-rebase-patch', 'git-release', 'git-rename-branch', 'git-rename-remote', 'git-rename-tag', 'git-repl',
  'git-reset-file', 'git-root', 'git-rscp', 'git-scp', 'git-sed', 'git-setup',
  'git-show-merged-branches', 'git-show-tree', 'git-show-unmerged-branches', 'git-squash', 'git-stamp', 'git-standup',
  'git-summary', 'git-sync', 'git-touch', 'git-undo', 'git-unlock', 'git-utimes',
];

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
  // ---- v3 additions: more projects, more diversity (npm) ----
  // TypeScript sources
  { kind: 'npm', name: 'fp-ts', version: '2.16.11', license: 'MIT', include: ['es6/', 'package.json', 'README.md'],
    note: 'es6/ only (lib/ is the same code as CommonJS)' },
  { kind: 'npm', name: 'io-ts', version: '2.2.22', license: 'MIT', include: ['es6/', 'package.json', 'README.md'] },
  { kind: 'npm', name: 'effect', version: '4.1.5', license: 'MIT', include: ['src/', 'package.json', 'README.md'] },
  { kind: 'npm', name: 'prosemirror-model', version: '1.25.13', license: 'MIT', include: ['src/', 'package.json', 'README.md'] },
  { kind: 'npm', name: 'prosemirror-view', version: '1.44.0', license: 'MIT', include: ['src/', 'package.json', 'README.md'] },
  { kind: 'npm', name: 'prosemirror-state', version: '1.4.4', license: 'MIT', include: ['src/', 'package.json', 'README.md'] },
  { kind: 'npm', name: '@codemirror/view', version: '6.44.2', license: 'MIT',
    include: ['dist/index.js', 'dist/index.d.ts', 'package.json', 'README.md'], note: 'unminified ES module' },
  { kind: 'npm', name: '@codemirror/state', version: '6.7.6', license: 'MIT',
    include: ['dist/index.js', 'dist/index.d.ts', 'package.json', 'README.md'] },
  { kind: 'npm', name: '@tanstack/table-core', version: '9.3.1', license: 'MIT' },
  { kind: 'npm', name: '@tanstack/virtual-core', version: '3.19.13', license: 'MIT', include: ['src/', 'package.json'] },
  { kind: 'npm', name: 'type-fest', version: '6.0.3', license: '(MIT OR CC0-1.0)', note: 'type-level TypeScript (.d.ts)' },
  { kind: 'npm', name: 'ajv', version: '8.20.0', license: 'MIT', include: ['lib/', 'package.json', 'README.md'] },
  { kind: 'npm', name: 'puppeteer-core', version: '25.16.0', license: 'Apache-2.0', include: ['src/', 'package.json', 'README.md'] },
  { kind: 'npm', name: '@types/react', version: '19.3.3', license: 'MIT' },
  { kind: 'npm', name: '@types/lodash', version: '4.17.27', license: 'MIT' },
  { kind: 'npm', name: '@types/jest', version: '30.0.0', license: 'MIT' },
  { kind: 'npm', name: '@types/express-serve-static-core', version: '5.1.3', license: 'MIT' },
  { kind: 'npm', name: 'xstate', version: '5.33.3', license: 'MIT', exclude: ['*.mjs', '*.cjs.js', '*.development.*'] },
  { kind: 'npm', name: 'vscode-languageserver-protocol', version: '3.18.5', license: 'MIT' },
  { kind: 'npm', name: 'vscode-languageserver', version: '11.0.0', license: 'MIT' },
  { kind: 'npm', name: 'hono', version: '4.13.23', license: 'MIT', exclude: ['dist/cjs/'] },
  { kind: 'npm', name: 'kysely', version: '0.29.9', license: 'MIT', exclude: ['dist/cjs/'] },
  { kind: 'npm', name: 'graphql', version: '17.1.0', license: 'MIT', exclude: ['__dev__/', '*.mjs', '*.d.mts'] },
  { kind: 'npm', name: '@nestjs/core', version: '12.6.3', license: 'MIT' },
  { kind: 'npm', name: '@nestjs/common', version: '12.6.3', license: 'MIT' },
  // JavaScript sources
  { kind: 'npm', name: 'moment', version: '2.31.0', license: 'MIT',
    include: ['src/', 'moment.d.ts', 'package.json', 'README.md'], exclude: ['src/locale/'] },
  { kind: 'npm', name: 'ramda', version: '0.32.0', license: 'MIT', include: ['src/', 'package.json', 'README.md'] },
  { kind: 'npm', name: 'highlight.js', version: '11.12.0', license: 'BSD-3-Clause',
    include: ['lib/', 'types/', 'package.json', 'README.md', 'SUPPORTED_LANGUAGES.md', 'VERSION_11_UPGRADE.md'] },
  { kind: 'npm', name: 'codemirror', version: '5.65.18', license: 'MIT',
    include: ['src/', 'mode/', 'addon/', 'keymap/', 'package.json', 'README.md'], note: 'CodeMirror 5 (lib/ is a bundle of src/)' },
  { kind: 'npm', name: 'ws', version: '8.23.1', license: 'MIT' },
  { kind: 'npm', name: 'fastify', version: '5.12.8', license: 'MIT', exclude: ['test/'], note: 'with docs/ (Markdown)' },
  { kind: 'npm', name: 'pino', version: '10.4.0', license: 'MIT', exclude: ['test/'], note: 'with docs/ (Markdown)' },
  { kind: 'npm', name: 'mongoose', version: '9.12.2', license: 'MIT' },
  { kind: 'npm', name: 'sequelize', version: '6.37.8', license: 'MIT' },
  { kind: 'npm', name: 'knex', version: '3.3.0', license: 'MIT' },
  { kind: 'npm', name: 'markdown-it', version: '15.0.3', license: 'MIT', exclude: ['dist/index.cjs.js'] },
  { kind: 'npm', name: 'handlebars', version: '4.7.10', license: 'MIT', exclude: ['dist/'] },
  { kind: 'npm', name: 'tailwindcss', version: '3.4.17', license: 'MIT', exclude: ['lib/'], note: 'src/ (lib/ is compiled src/)' },
  { kind: 'npm', name: 'postcss', version: '8.5.34', license: 'MIT' },
  { kind: 'npm', name: 'stylelint', version: '18.1.0', license: 'MIT' },
  { kind: 'npm', name: 'sinon', version: '22.1.0', license: 'BSD-3-Clause', exclude: ['pkg/'] },
  { kind: 'npm', name: 'mocha', version: '12.0.3', license: 'MIT', exclude: ['mocha.js', 'mocha.mjs'] },
  { kind: 'npm', name: 'jsdom', version: '31.0.1', license: 'MIT' },
  { kind: 'npm', name: 'koa', version: '3.3.0', license: 'MIT' },
  { kind: 'npm', name: 'd3-scale', version: '4.0.3', license: 'ISC', exclude: ['*.mjs'] },
  { kind: 'npm', name: 'd3-shape', version: '3.2.1', license: 'ISC', exclude: ['*.mjs'] },
  { kind: 'npm', name: 'underscore', version: '1.13.8', license: 'MIT', include: ['modules/', 'package.json', 'README.md'] },
  { kind: 'npm', name: 'async', version: '3.2.6', license: 'MIT', exclude: ['dist/'] },
  { kind: 'npm', name: 'nodemailer', version: '10.6.1', license: 'MIT-0' },
  { kind: 'npm', name: '@babel/core', version: '8.1.4', license: 'MIT' },
  { kind: 'npm', name: '@babel/traverse', version: '8.1.4', license: 'MIT' },
  { kind: 'npm', name: '@babel/generator', version: '8.1.4', license: 'MIT' },
  { kind: 'npm', name: 'socket.io', version: '4.8.4', license: 'MIT', exclude: ['client-dist/'] },
  { kind: 'npm', name: 'less', version: '4.9.1', license: 'Apache-2.0', exclude: ['dist/'] },
  { kind: 'npm', name: 'eslint-plugin-unicorn', version: '80.0.0', license: 'MIT' },
  { kind: 'npm', name: 'eslint-plugin-import', version: '2.32.0', license: 'MIT', note: 'with docs/rules (Markdown)' },
  { kind: 'npm', name: '@typescript-eslint/eslint-plugin', version: '8.74.0', license: 'MIT' },
  { kind: 'npm', name: 'markdownlint', version: '0.42.1', license: 'MIT', note: 'doc/ (Markdown), schema (YAML)' },
  { kind: 'npm', name: 'serverless', version: '3.39.0', license: 'MIT',
    note: 'Serverless Framework v3: docs/ (Markdown), lib/ (JS), YAML and Java templates' },
  // Java (Android plugins), shell
  { kind: 'npm', name: 'cordova-plugin-file', version: '8.1.3', license: 'Apache-2.0' },
  { kind: 'npm', name: 'cordova-plugin-camera', version: '8.0.0', license: 'Apache-2.0' },
  { kind: 'npm', name: 'cordova-plugin-inappbrowser', version: '7.0.0', license: 'Apache-2.0' },
  { kind: 'npm', name: '@react-native-async-storage/async-storage', version: '3.1.1', license: 'MIT' },
  { kind: 'npm', name: 'react-native-webview', version: '16.0.0', license: 'MIT' },
  { kind: 'npm', name: 'bats-assert', version: '2.2.4', license: 'CC0-1.0', note: 'bash' },
  { kind: 'npm', name: 'bats-support', version: '0.3.0', license: 'CC0-1.0', note: 'bash' },
  { kind: 'npm', name: 'git-open', version: '3.1.0', license: 'MIT', note: 'bash script' },
  { kind: 'npm', name: 'husky', version: '4.3.8', license: 'MIT' },
  // ---- v3 additions: Go (Debian golang-*-dev ship the source) ----
  { kind: 'debian', name: 'go-testify', packages: ['golang-github-stretchr-testify-dev'], roots: ['/usr/share/gocode/src/github.com/stretchr/testify'], license: 'MIT', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-gorilla-mux', packages: ['golang-github-gorilla-mux-dev'], roots: ['/usr/share/gocode/src/github.com/gorilla/mux'], license: 'BSD-3-Clause', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-gorilla-websocket', packages: ['golang-github-gorilla-websocket-dev'], roots: ['/usr/share/gocode/src/github.com/gorilla/websocket'], license: 'BSD-2-Clause', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-logrus', packages: ['golang-github-sirupsen-logrus-dev'], roots: ['/usr/share/gocode/src/github.com/sirupsen/logrus'], license: 'MIT', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-pkg-errors', packages: ['golang-github-pkg-errors-dev'], roots: ['/usr/share/gocode/src/github.com/pkg/errors'], license: 'BSD-2-Clause', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-cmp', packages: ['golang-github-google-go-cmp-dev'], roots: ['/usr/share/gocode/src/github.com/google/go-cmp'], license: 'BSD-3-Clause', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-uuid', packages: ['golang-github-google-uuid-dev'], roots: ['/usr/share/gocode/src/github.com/google/uuid'], license: 'BSD-3-Clause', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-github', packages: ['golang-github-google-go-github-dev'], roots: ['/usr/share/gocode/src/github.com/google/go-github'], license: 'BSD-3-Clause', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-x-net', packages: ['golang-golang-x-net-dev'], roots: ['/usr/share/gocode/src/golang.org/x/net'], license: 'BSD-3-Clause', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-x-text', packages: ['golang-golang-x-text-dev'], roots: ['/usr/share/gocode/src/golang.org/x/text'], license: 'BSD-3-Clause', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-x-tools', packages: ['golang-golang-x-tools-dev'], roots: ['/usr/share/gocode/src/golang.org/x/tools'], license: 'BSD-3-Clause', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-x-crypto', packages: ['golang-golang-x-crypto-dev'], roots: ['/usr/share/gocode/src/golang.org/x/crypto'], license: 'BSD-3-Clause', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-prometheus-client', packages: ['golang-github-prometheus-client-golang-dev'], roots: ['/usr/share/gocode/src/github.com/prometheus/client_golang'], license: 'Apache-2.0', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-gin', packages: ['golang-github-gin-gonic-gin-dev'], roots: ['/usr/share/gocode/src/github.com/gin-gonic/gin'], license: 'MIT', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-echo', packages: ['golang-github-labstack-echo-dev'], roots: ['/usr/share/gocode/src/github.com/labstack/echo'], license: 'MIT', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-chi', packages: ['golang-github-go-chi-chi-dev'], roots: ['/usr/share/gocode/src/github.com/go-chi/chi'], license: 'MIT', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-fasthttp', packages: ['golang-github-valyala-fasthttp-dev'], roots: ['/usr/share/gocode/src/github.com/valyala/fasthttp'], license: 'MIT', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-urfave-cli', packages: ['golang-github-urfave-cli-dev'], roots: ['/usr/share/gocode/src/github.com/urfave/cli'], license: 'MIT', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-pflag', packages: ['golang-github-spf13-pflag-dev'], roots: ['/usr/share/gocode/src/github.com/spf13/pflag'], license: 'BSD-3-Clause', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-toml', packages: ['golang-github-burntsushi-toml-dev'], roots: ['/usr/share/gocode/src/github.com/BurntSushi/toml'], license: 'MIT', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-grpc', packages: ['golang-google-grpc-dev'], roots: ['/usr/share/gocode/src/google.golang.org/grpc'], license: 'Apache-2.0', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-dns', packages: ['golang-github-miekg-dns-dev'], roots: ['/usr/share/gocode/src/github.com/miekg/dns'], license: 'BSD-3-Clause', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-pq', packages: ['golang-github-lib-pq-dev'], roots: ['/usr/share/gocode/src/github.com/lib/pq'], license: 'MIT', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-redigo', packages: ['golang-github-gomodule-redigo-dev'], roots: ['/usr/share/gocode/src/github.com/gomodule/redigo'], license: 'Apache-2.0', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-compress', packages: ['golang-github-klauspost-compress-dev'], roots: ['/usr/share/gocode/src/github.com/klauspost/compress'], license: 'BSD-3-Clause', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-fsnotify', packages: ['golang-github-fsnotify-fsnotify-dev'], roots: ['/usr/share/gocode/src/github.com/fsnotify/fsnotify'], license: 'BSD-3-Clause', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-kit', packages: ['golang-github-go-kit-kit-dev'], roots: ['/usr/share/gocode/src/github.com/go-kit/kit'], license: 'MIT', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-jsoniter', packages: ['golang-github-json-iterator-go-dev'], roots: ['/usr/share/gocode/src/github.com/json-iterator/go'], license: 'MIT', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-zerolog', packages: ['golang-github-rs-zerolog-dev'], roots: ['/usr/share/gocode/src/github.com/rs/zerolog'], license: 'MIT', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-zap', packages: ['golang-go.uber-zap-dev'], roots: ['/usr/share/gocode/src/go.uber.org/zap'], license: 'MIT', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-minio', packages: ['golang-github-minio-minio-go-v7-dev'], roots: ['/usr/share/gocode/src/github.com/minio/minio-go'], license: 'Apache-2.0', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-mvdan-sh', packages: ['golang-mvdan-sh-dev'], roots: ['/usr/share/gocode/src/mvdan.cc/sh'], license: 'BSD-3-Clause', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-docker', packages: ['golang-github-docker-docker-dev'], roots: ['/usr/share/gocode/src/github.com/docker', '/usr/share/gocode/src/github.com/moby'], license: 'Apache-2.0', exclude: GO_EXCLUDE, note: 'docker, docker/cli, libnetwork, buildkit' },
  // ---- v3 additions: Rust (Debian librust-*-dev ship the crate source) ----
  { kind: 'debian', name: 'rust-tokio', packages: ['librust-tokio-dev'], roots: ['/usr/share/cargo/registry/tokio-[0-9]*'], license: 'MIT' },
  { kind: 'debian', name: 'rust-tokio-util', packages: ['librust-tokio-util-dev'], roots: ['/usr/share/cargo/registry/tokio-util-[0-9]*'], license: 'MIT' },
  { kind: 'debian', name: 'rust-rand', packages: ['librust-rand-dev'], roots: ['/usr/share/cargo/registry/rand-[0-9]*'], license: 'MIT OR Apache-2.0' },
  { kind: 'debian', name: 'rust-clap', packages: ['librust-clap-dev'], roots: ['/usr/share/cargo/registry/clap-[0-9]*'], license: 'MIT OR Apache-2.0' },
  { kind: 'debian', name: 'rust-structopt', packages: ['librust-structopt-dev'], roots: ['/usr/share/cargo/registry/structopt-[0-9]*'], license: 'Apache-2.0 OR MIT' },
  { kind: 'debian', name: 'rust-syn', packages: ['librust-syn-dev'], roots: ['/usr/share/cargo/registry/syn-[0-9]*'], license: 'MIT OR Apache-2.0' },
  { kind: 'debian', name: 'rust-proc-macro2', packages: ['librust-proc-macro2-dev'], roots: ['/usr/share/cargo/registry/proc-macro2-[0-9]*'], license: 'MIT OR Apache-2.0' },
  { kind: 'debian', name: 'rust-anyhow', packages: ['librust-anyhow-dev'], roots: ['/usr/share/cargo/registry/anyhow-[0-9]*'], license: 'MIT OR Apache-2.0' },
  { kind: 'debian', name: 'rust-itertools', packages: ['librust-itertools-dev'], roots: ['/usr/share/cargo/registry/itertools-[0-9]*'], license: 'MIT OR Apache-2.0' },
  { kind: 'debian', name: 'rust-hyper', packages: ['librust-hyper-dev'], roots: ['/usr/share/cargo/registry/hyper-[0-9]*'], license: 'MIT' },
  { kind: 'debian', name: 'rust-h2', packages: ['librust-h2-dev'], roots: ['/usr/share/cargo/registry/h2-[0-9]*'], license: 'MIT' },
  { kind: 'debian', name: 'rust-reqwest', packages: ['librust-reqwest-dev'], roots: ['/usr/share/cargo/registry/reqwest-[0-9]*'], license: 'MIT OR Apache-2.0' },
  { kind: 'debian', name: 'rust-futures-util', packages: ['librust-futures-util-dev'], roots: ['/usr/share/cargo/registry/futures-util-[0-9]*'], license: 'MIT OR Apache-2.0' },
  { kind: 'debian', name: 'rust-rayon', packages: ['librust-rayon-dev'], roots: ['/usr/share/cargo/registry/rayon-[0-9]*'], license: 'MIT OR Apache-2.0' },
  { kind: 'debian', name: 'rust-rayon-core', packages: ['librust-rayon-core-dev'], roots: ['/usr/share/cargo/registry/rayon-core-[0-9]*'], license: 'MIT OR Apache-2.0' },
  { kind: 'debian', name: 'rust-nom', packages: ['librust-nom-dev'], roots: ['/usr/share/cargo/registry/nom-[0-9]*'], license: 'MIT' },
  { kind: 'debian', name: 'rust-log', packages: ['librust-log-dev'], roots: ['/usr/share/cargo/registry/log-[0-9]*'], license: 'MIT OR Apache-2.0' },
  { kind: 'debian', name: 'rust-bytes', packages: ['librust-bytes-dev'], roots: ['/usr/share/cargo/registry/bytes-[0-9]*'], license: 'MIT' },
  { kind: 'debian', name: 'rust-chrono', packages: ['librust-chrono-dev'], roots: ['/usr/share/cargo/registry/chrono-[0-9]*'], license: 'MIT OR Apache-2.0' },
  { kind: 'debian', name: 'rust-toml', packages: ['librust-toml-dev'], roots: ['/usr/share/cargo/registry/toml-[0-9]*'], license: 'MIT OR Apache-2.0' },
  { kind: 'debian', name: 'rust-nix', packages: ['librust-nix-dev'], roots: ['/usr/share/cargo/registry/nix-[0-9]*'], license: 'MIT' },
  { kind: 'debian', name: 'rust-crossbeam-channel', packages: ['librust-crossbeam-channel-dev'], roots: ['/usr/share/cargo/registry/crossbeam-channel-[0-9]*'], license: 'MIT OR Apache-2.0' },
  { kind: 'debian', name: 'rust-tracing', packages: ['librust-tracing-dev'], roots: ['/usr/share/cargo/registry/tracing-[0-9]*'], license: 'MIT' },
  { kind: 'debian', name: 'rust-smallvec', packages: ['librust-smallvec-dev'], roots: ['/usr/share/cargo/registry/smallvec-[0-9]*'], license: 'MIT OR Apache-2.0' },
  { kind: 'debian', name: 'rust-hashbrown', packages: ['librust-hashbrown-dev'], roots: ['/usr/share/cargo/registry/hashbrown-[0-9]*'], license: 'MIT OR Apache-2.0' },
  { kind: 'debian', name: 'rust-parking-lot-core', packages: ['librust-parking-lot-core-dev'], roots: ['/usr/share/cargo/registry/parking_lot_core-[0-9]*'], license: 'MIT OR Apache-2.0' },
  { kind: 'debian', name: 'rust-indexmap', packages: ['librust-indexmap-dev'], roots: ['/usr/share/cargo/registry/indexmap-[0-9]*'], license: 'MIT OR Apache-2.0' },
  { kind: 'debian', name: 'rust-url', packages: ['librust-url-dev'], roots: ['/usr/share/cargo/registry/url-[0-9]*'], license: 'MIT OR Apache-2.0' },
  { kind: 'debian', name: 'rust-time', packages: ['librust-time-dev'], roots: ['/usr/share/cargo/registry/time-[0-9]*'], license: 'MIT OR Apache-2.0' },
  { kind: 'debian', name: 'rust-walkdir', packages: ['librust-walkdir-dev'], roots: ['/usr/share/cargo/registry/walkdir-[0-9]*'], license: 'Unlicense OR MIT' },
  { kind: 'debian', name: 'go-viper', packages: ['golang-github-spf13-viper-dev'],
    roots: ['/usr/share/gocode/src/github.com/spf13/viper'], license: 'MIT', exclude: GO_EXCLUDE },
  { kind: 'debian', name: 'go-containers-common', packages: ['golang-github-containers-common-dev'],
    roots: ['/usr/share/gocode/src/github.com/containers/common'], license: 'Apache-2.0', exclude: GO_EXCLUDE,
    note: 'Go, seccomp JSON, Markdown docs' },
  // ---- v3 additions: Python (Debian python3-* ship the .py files) ----
  ...([
    ['python-six', 'python3-six', 'six.py', 'MIT'],
    ['python-yaml', 'python3-yaml', 'yaml', 'MIT'],
    ['python-jinja2', 'python3-jinja2', 'jinja2', 'BSD-3-Clause'],
    ['python-flask', 'python3-flask', 'flask', 'BSD-3-Clause'],
    ['python-werkzeug', 'python3-werkzeug', 'werkzeug', 'BSD-3-Clause'],
    ['python-urllib3', 'python3-urllib3', 'urllib3', 'MIT'],
    ['python-dateutil', 'python3-dateutil', 'dateutil', 'Apache-2.0 AND BSD-3-Clause'],
    ['python-pytest', 'python3-pytest', '_pytest', 'MIT'],
    ['python-packaging', 'python3-packaging', 'packaging', 'Apache-2.0 OR BSD-2-Clause'],
    ['python-pygments', 'python3-pygments', 'pygments', 'BSD-2-Clause'],
    ['python-sqlalchemy', 'python3-sqlalchemy', 'sqlalchemy', 'MIT'],
    ['python-django', 'python3-django', 'django', 'BSD-3-Clause'],
    ['python-tornado', 'python3-tornado', 'tornado', 'Apache-2.0'],
    ['python-twisted', 'python3-twisted', 'twisted', 'MIT'],
    ['python-rich', 'python3-rich', 'rich', 'MIT'],
    ['python-jsonschema', 'python3-jsonschema', 'jsonschema', 'MIT'],
    ['python-networkx', 'python3-networkx', 'networkx', 'BSD-3-Clause'],
    ['python-mypy', 'python3-mypy', 'mypy', 'MIT'],
    ['python-pycparser', 'python3-pycparser', 'pycparser', 'BSD-3-Clause'],
    ['python-httpx', 'python3-httpx', 'httpx', 'BSD-3-Clause'],
    ['python-aiohttp', 'python3-aiohttp', 'aiohttp', 'Apache-2.0'],
    ['python-marshmallow', 'python3-marshmallow', 'marshmallow', 'MIT'],
    ['python-pydantic', 'python3-pydantic', 'pydantic', 'MIT'],
    ['python-starlette', 'python3-starlette', 'starlette', 'BSD-3-Clause'],
    ['python-fastapi', 'python3-fastapi', 'fastapi', 'MIT'],
    ['python-invoke', 'python3-invoke', 'invoke', 'BSD-2-Clause'],
    ['python-docker', 'python3-docker', 'docker', 'Apache-2.0'],
    ['python-acme', 'python3-acme', 'acme', 'Apache-2.0'],
    ['python-mkdocs', 'mkdocs', 'mkdocs', 'BSD-2-Clause'],
    ['python-docker-compose', 'docker-compose', 'compose', 'Apache-2.0'],
    ['python-cloud-init', 'cloud-init', 'cloudinit', 'Apache-2.0 OR GPL-3.0-only'],
    ['python-sphinx', 'python3-sphinx', 'sphinx', 'BSD-2-Clause'],
    ['python-boto3', 'python3-boto3', 'boto3', 'Apache-2.0'],
    ['python-numpy', 'python3-numpy', 'numpy', 'BSD-3-Clause'],
    ['python-tomli', 'python3-tomli', 'tomli', 'MIT'],
    ['python-ruamel-yaml', 'python3-ruamel.yaml', 'ruamel', 'MIT'],
    ['python-markdown', 'python3-markdown', 'markdown', 'BSD-3-Clause'],
    ['python-powerline', 'python3-powerline', 'powerline', 'MIT'],
  ] as const).map(([name, pkg, mod, license]): Source => (mod.endsWith('.py')
    ? { kind: 'debian', name, packages: [pkg], roots: ['/usr/lib/python3/dist-packages'], include: [mod], license }
    : { kind: 'debian', name, packages: [pkg], roots: [`/usr/lib/python3/dist-packages/${mod}`], license, exclude: PY_EXCLUDE })),
  // ---- v3 additions: C/C++ headers and header-only libraries ----
  { kind: 'debian', name: 'boost', packages: ['libboost1.81-dev'], roots: ['/usr/include/boost'], license: 'BSL-1.0',
    include: ['asio/', 'beast/', 'json/', 'url/', 'filesystem/', 'algorithm/', 'container/', 'graph/', 'hana/', 'mp11/',
      'optional/', 'variant2/', 'unordered/', 'program_options/', 'process/', 'describe/', 'system/', 'smart_ptr/',
      'intrusive/', 'lockfree/', 'circular_buffer/', 'histogram/', 'log/'],
    note: 'a selection of Boost libraries' },
  { kind: 'debian', name: 'glm', packages: ['libglm-dev'], roots: ['/usr/include/glm'], license: 'MIT' },
  { kind: 'debian', name: 'spdlog', packages: ['libspdlog-dev'], roots: ['/usr/include/spdlog'], license: 'MIT' },
  { kind: 'debian', name: 'catch2', packages: ['catch2'], roots: ['/usr/include/catch2', '/usr/share/doc/catch2'],
    gunzip: true, license: 'BSL-1.0', note: 'headers, examples and Markdown docs' },
  { kind: 'debian', name: 'sdl2-headers', packages: ['libsdl2-dev'], roots: ['/usr/include/SDL2'], license: 'Zlib',
    exclude: ['SDL_opengl*.h', 'SDL_egl.h', 'SDL_test_images.h', 'SDL_vulkan.h'] },
  { kind: 'debian', name: 'jansson-headers', packages: ['libjansson-dev'], roots: ['/usr/include'],
    include: ['jansson.h', 'jansson_config.h'], license: 'MIT' },
  { kind: 'debian', name: 'libyaml-headers', packages: ['libyaml-dev'], roots: ['/usr/include'], include: ['yaml.h'], license: 'MIT' },
  { kind: 'debian', name: 'libevent-headers', packages: ['libevent-dev'], roots: ['/usr/include'],
    include: ['event2/', 'event.h', 'evhttp.h', 'evdns.h', 'evrpc.h', 'evutil.h'], license: 'BSD-3-Clause' },
  { kind: 'debian', name: 'msgpack-cxx', packages: ['libmsgpack-cxx-dev'], roots: ['/usr/include'],
    include: ['msgpack/', 'msgpack.hpp'], license: 'BSL-1.0' },
  { kind: 'debian', name: 'cereal', packages: ['libcereal-dev'], roots: ['/usr/include/cereal'], license: 'BSD-3-Clause',
    exclude: ['external/'], note: 'external/ (bundled rapidjson, a held-out project) left out' },
  { kind: 'debian', name: 'pugixml', packages: ['libpugixml-dev'], roots: ['/usr/include', '/usr/share/doc/libpugixml-dev'],
    include: ['pugixml.hpp', 'pugiconfig.hpp', 'examples/'], license: 'MIT' },
  { kind: 'debian', name: 'tinyxml2-headers', packages: ['libtinyxml2-dev'], roots: ['/usr/include'], include: ['tinyxml2.h'], license: 'Zlib' },
  { kind: 'debian', name: 'stb', packages: ['libstb-dev'], roots: ['/usr/include/stb'], license: 'MIT OR Unlicense' },
  { kind: 'debian', name: 'doctest', packages: ['doctest-dev'], roots: ['/usr/include/doctest'], license: 'MIT' },
  { kind: 'debian', name: 'cli11', packages: ['libcli11-dev'], roots: ['/usr/include/CLI'], license: 'BSD-3-Clause' },
  { kind: 'debian', name: 'xxhash', packages: ['libxxhash-dev'], roots: ['/usr/include', '/usr/share/doc/libxxhash-dev'],
    include: ['xxhash.h', 'xxh3.h', 'xxh_x86dispatch.h', 'xxhash_spec.md.gz'], gunzip: true, license: 'BSD-2-Clause' },
  { kind: 'debian', name: 'lz4-headers', packages: ['liblz4-dev'], roots: ['/usr/include'],
    include: ['lz4.h', 'lz4hc.h', 'lz4frame.h', 'lz4frame_static.h'], license: 'BSD-2-Clause' },
  { kind: 'debian', name: 'google-benchmark', packages: ['libbenchmark-dev'], roots: ['/usr/include/benchmark', '/usr/share/doc/libbenchmark-dev'],
    gunzip: true, license: 'Apache-2.0' },
  { kind: 'debian', name: 'abseil', packages: ['libabsl-dev'], roots: ['/usr/include/absl'], license: 'Apache-2.0' },
  { kind: 'debian', name: 'protobuf-headers', packages: ['libprotobuf-dev'], roots: ['/usr/include/google/protobuf'], license: 'BSD-3-Clause' },
  { kind: 'debian', name: 'flatbuffers', packages: ['libflatbuffers-dev'], roots: ['/usr/include/flatbuffers'], license: 'Apache-2.0' },
  { kind: 'debian', name: 're2-headers', packages: ['libre2-dev'], roots: ['/usr/include/re2'], license: 'BSD-3-Clause' },
  { kind: 'debian', name: 'tbb-headers', packages: ['libtbb-dev'], roots: ['/usr/include/oneapi', '/usr/include/tbb'], license: 'Apache-2.0' },
  { kind: 'debian', name: 'leveldb-headers', packages: ['libleveldb-dev'], roots: ['/usr/include/leveldb'], license: 'BSD-3-Clause' },
  { kind: 'debian', name: 'lua-headers', packages: ['liblua5.4-dev'], roots: ['/usr/include/lua5.4'], license: 'MIT' },
  { kind: 'debian', name: 'sodium-headers', packages: ['libsodium-dev'], roots: ['/usr/include'], include: ['sodium/', 'sodium.h'], license: 'ISC' },
  { kind: 'debian', name: 'grpcpp-headers', packages: ['libgrpc++-dev'], roots: ['/usr/include/grpcpp'], license: 'Apache-2.0' },
  { kind: 'debian', name: 'cxxopts', packages: ['libcxxopts-dev'], roots: ['/usr/include'], include: ['cxxopts.hpp'], license: 'MIT' },
  { kind: 'debian', name: 'tomlplusplus', packages: ['libtomlplusplus-dev'], roots: ['/usr/include/toml++'], license: 'MIT' },
  { kind: 'debian', name: 'toml11', packages: ['libtoml11-dev'], roots: ['/usr/include/toml'], license: 'MIT' },
  // ---- v3 additions: shell ----
  { kind: 'debian', name: 'git-extras', packages: ['git-extras'], roots: ['/usr/bin', '/usr/share/doc/git-extras'],
    include: [...GIT_EXTRAS, 'Readme.md'], license: 'MIT', note: 'about 70 bash scripts' },
  { kind: 'debian', name: 'rbenv', packages: ['rbenv'], roots: ['/usr/lib/rbenv'], license: 'MIT', note: 'bash' },
  { kind: 'debian', name: 'ruby-build', packages: ['ruby-build'], roots: ['/usr/bin', '/usr/lib/rbenv/libexec'],
    include: ['ruby-build', 'rbenv-install', 'rbenv-uninstall'], license: 'MIT', note: 'bash' },
  { kind: 'debian', name: 'wait-for-it', packages: ['wait-for-it'], roots: ['/usr/bin'], include: ['wait-for-it'], license: 'MIT' },
  { kind: 'debian', name: 'virtualenvwrapper', packages: ['virtualenvwrapper'], roots: ['/usr/share/virtualenvwrapper'], license: 'ISC' },
  { kind: 'debian', name: 'kubectx', packages: ['kubectx'], roots: ['/usr/bin', '/usr/share/kubectx'],
    include: ['kubectx', 'kubens', 'completion/'], license: 'Apache-2.0', note: 'bash' },
  { kind: 'debian', name: 'fzf-shell', packages: ['fzf'], roots: ['/usr/share/doc/fzf/examples'], include: ['key-bindings.bash'], license: 'MIT' },
  { kind: 'debian', name: 'docker-contrib', packages: ['docker.io'], roots: ['/usr/share/docker.io/contrib', '/usr/share/doc/docker.io'],
    gunzip: true, include: ['check-config.sh', 'dockerd-rootless-setuptool.sh', 'dockerd-rootless.sh', 'nuke-graph-directory.sh',
      'README.md', 'ROADMAP.md.gz'], license: 'Apache-2.0', note: 'contrib shell scripts, Markdown' },
  // ---- v3 additions: YAML (configs, locales) ----
  { kind: 'debian', name: 'prometheus-examples', packages: ['prometheus', 'prometheus-alertmanager'],
    roots: ['/usr/share/doc/prometheus/examples', '/usr/share/doc/prometheus-alertmanager/examples'], license: 'Apache-2.0' },
  { kind: 'debian', name: 'jekyll-templates', packages: ['jekyll'],
    roots: ['/usr/share/rubygems-integration/all/gems/jekyll-*/lib'], include: ['site_template/', 'blank_template/', 'theme_template/'],
    license: 'MIT' },
  { kind: 'debian', name: 'faker-locales', packages: ['ruby-faker'],
    roots: ['/usr/share/rubygems-integration/all/gems/faker-*/lib/locales'], license: 'MIT', note: 'YAML locale data' },
  { kind: 'debian', name: 'rubocop-plugin-configs', packages: ['ruby-rubocop-performance', 'ruby-rubocop-rspec'],
    roots: ['/usr/share/rubygems-integration/all/gems/rubocop-performance-*/config', '/usr/share/rubygems-integration/all/gems/rubocop-rspec-*/config'],
    license: 'MIT', note: 'YAML config' },
  { kind: 'debian', name: 'rails-locales', packages: ['ruby-activesupport', 'ruby-railties'],
    roots: ['/usr/share/rubygems-integration/all/gems/activesupport-*/lib/active_support/locale', '/usr/share/rubygems-integration/all/gems/railties-*/lib/rails/generators/rails/app/templates/config/locales'],
    license: 'MIT' },
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

/** Most characters one source may contribute: no one project dominates a language. */
export const SOURCE_CAP = 1_500_000;

/**
 * Most characters per language in the training corpus (sum ~88 M). Java, shell, YAML and
 * TOML fall short of their caps: the permissive sources reachable here hold less.
 */
export const TRAINING_LANGUAGE_CAPS: Readonly<Record<Language, number>> = {
  typescript: 12_000_000, javascript: 12_000_000, python: 12_000_000, go: 12_000_000,
  rust: 10_000_000, 'c-cpp': 12_000_000, java: 6_000_000, shell: 3_000_000,
  json: 2_000_000, yaml: 2_000_000, markdown: 5_000_000, toml: 300_000,
};

/** Most characters per language in the held-out set (sum ~3.4 M at most). */
export const HELDOUT_LANGUAGE_CAPS: Readonly<Record<Language, number>> = {
  typescript: 400_000, javascript: 400_000, python: 400_000, go: 400_000,
  rust: 400_000, 'c-cpp': 400_000, java: 400_000, shell: 150_000,
  json: 100_000, yaml: 200_000, markdown: 150_000, toml: 30_000,
};
