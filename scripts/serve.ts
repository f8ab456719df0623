/**
 * `npm start` without VS Code on PATH (DESIGN §7): a local code-server on loopback with the
 * packaged extension installed, opened on a sample workspace. Uses the end-to-end harness
 * (test/e2e/harness/codeServer.ts): the same install, settings and process handling.
 *
 *   tsx scripts/serve.ts --vsix FILE [--port N] [--exit-when-ready]
 *
 * The profile (settings, installed extension) and the sample workspace live under
 * .cache/start/, so edits and settings survive a restart. Ctrl-C stops the server.
 * --exit-when-ready stops it again once it answers (a smoke test of this script).
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  BASE_SETTINGS, installExtension, installTools, makeProfile, ROOT, startCodeServer, writeUserSettings,
} from '../test/e2e/harness/codeServer';

function parse(argv: string[]): { vsix: string; port?: number; exitWhenReady: boolean } {
  let vsix: string | undefined;
  let port: number | undefined;
  let exitWhenReady = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--vsix') vsix = argv[++i];
    else if (argv[i] === '--port') port = Number(argv[++i]);
    else if (argv[i] === '--exit-when-ready') exitWhenReady = true;
    else throw new Error(`unknown argument ${argv[i]} (use --vsix FILE, --port N, --exit-when-ready)`);
  }
  if (!vsix || !fs.existsSync(vsix)) throw new Error(`--vsix FILE is required and must exist (got ${vsix ?? 'nothing'})`);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new Error('--port takes a port number');
  return { vsix: path.resolve(vsix), port, exitWhenReady };
}

async function main(): Promise<void> {
  const o = parse(process.argv.slice(2));
  const base = path.join(ROOT, '.cache', 'start');
  console.log('start: getting code-server ready (the first time installs it into .cache/e2e-tools: about 3 minutes)...');
  // No browser needed here; as root, missing Debian build packages are installed with apt.
  process.env.E2E_BROWSER = '0';
  if (process.getuid?.() === 0 && process.env.E2E_APT === undefined) process.env.E2E_APT = '1';
  const tools = installTools();
  const profile = makeProfile(path.join(base, 'profile'));
  const workspace = path.join(base, 'sample-workspace');
  if (!fs.existsSync(workspace)) {
    fs.cpSync(path.join(ROOT, 'test', 'e2e', 'fixtures', 'workspace'), workspace, { recursive: true });
  }
  installExtension(tools, profile, o.vsix);
  // The user's own settings in this profile (user and machine scope) are kept; the quiet
  // defaults fill in the rest.
  const readJson = (f: string): Record<string, unknown> => {
    try {
      return JSON.parse(fs.readFileSync(f, 'utf8')) as Record<string, unknown>;
    } catch {
      return {}; // first run, or not JSON: start from the defaults
    }
  };
  const kept = { ...readJson(path.join(profile.userDataDir, 'User', 'settings.json')), ...readJson(path.join(profile.userDataDir, 'Machine', 'settings.json')) };
  writeUserSettings(profile, { ...BASE_SETTINGS, ...kept });
  const server = await startCodeServer(tools, profile, { workspace, port: o.port });
  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
  console.log(`\nChar LSTM Complete is running in VS Code (code-server) on this machine only:\n\n  ${url}\n`);
  console.log('Open it in a browser, open src/cart.js and type: ghost text appears as you go (Tab accepts it).');
  console.log('The status bar reads "Char LSTM ✓ default" once the model is loaded (about 10 s after the page opens).');
  console.log(`Server log: ${path.relative(ROOT, server.logFile)}. Ctrl-C stops the server.`);
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  if (o.exitWhenReady) return stop();
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  setInterval(() => undefined, 1 << 30);
}

main().catch((e) => {
  console.error(`start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
