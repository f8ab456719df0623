// Fetching ("staging") the sources of the default corpus into a cache folder:
// npm packages with `npm pack NAME@VERSION` + `tar`, Debian packages from the installed
// system when they are installed, else with `apt-get download PKG=VERSION` + `dpkg-deb -x`
// (the version apt offers, recorded; nothing is installed system-wide). Each staged source
// leaves a `.staged.json` marker, so a rerun skips it unless forced.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isPermissiveLicense } from './select';
import { type DebianSource, type NpmSource, type Source, sourceId } from './sources';

export interface StagedRoot {
  /** Absolute folder to walk. */
  abs: string;
  /** Prefix of its files inside the source's corpus folder ('' or 'a/b/'). */
  prefix: string;
}

export interface DebianPackageInfo {
  name: string;
  version: string;
  via: 'installed' | 'downloaded';
}

export interface StagedSource {
  id: string;
  kind: Source['kind'];
  /** e.g. `npm rxjs@7.8.1`, `Debian golang-1.19-src 1.19.8-2`. */
  label: string;
  version: string;
  /** SPDX licence declared in sources.ts (checked against the allow-list). */
  license: string;
  /** What the package itself says: package.json `license`, or the Debian copyright file. */
  licenseFound: string;
  roots: StagedRoot[];
  npm?: { integrity: string; shasum: string; tarball: string };
  debian?: DebianPackageInfo[];
}

const MARKER = '.staged.json';

function run(cmd: string, args: string[], cwd?: string): string {
  console.log(`  $ ${cmd} ${args.join(' ')}`);
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
}

function quiet(cmd: string, args: string[]): string | undefined {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

function readMarker<T>(dir: string, force: boolean): T | undefined {
  if (force) return undefined;
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function writeMarker(dir: string, value: unknown): void {
  fs.writeFileSync(path.join(dir, MARKER), JSON.stringify(value, null, 2) + '\n');
}

/** The `license` of a package.json: a string, `{type}`, or a `licenses` array joined by OR. */
export function packageJsonLicense(pkg: Record<string, unknown>): string {
  const one = (v: unknown): string | undefined =>
    typeof v === 'string' ? v : v && typeof v === 'object' && typeof (v as { type?: unknown }).type === 'string'
      ? (v as { type: string }).type : undefined;
  const direct = one(pkg.license);
  if (direct) return direct;
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map(one).filter(Boolean).join(' OR ');
  return '';
}

async function stageNpm(s: NpmSource, cacheDir: string, force: boolean): Promise<StagedSource> {
  const id = sourceId(s);
  const dir = path.join(cacheDir, 'npm', `${id}@${s.version}`);
  const cached = readMarker<StagedSource>(dir, force);
  if (cached) return cached;
  console.log(`staging npm ${s.name}@${s.version}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-npm-'));
  try {
    const out = run('npm', ['pack', `${s.name}@${s.version}`, '--json', '--loglevel=error', '--pack-destination', tmp], tmp);
    const info = (JSON.parse(out) as { filename: string; integrity: string; shasum: string; version: string }[])[0];
    if (info.version !== s.version) throw new Error(`npm pack returned ${info.version}, pinned ${s.version}`);
    const tgz = path.join(tmp, info.filename.replace(/^@/, '').replace(/\//g, '-'));
    const tarball = fs.existsSync(tgz) ? tgz : path.join(tmp, fs.readdirSync(tmp).find((f) => f.endsWith('.tgz'))!);
    const pkgDir = path.join(dir, 'pkg');
    fs.mkdirSync(pkgDir);
    run('tar', ['-xzf', tarball, '-C', pkgDir, '--no-same-owner', '--no-same-permissions']);
    const tops = fs.readdirSync(pkgDir);
    if (tops.length !== 1) throw new Error(`${s.name}: expected one top folder in the tarball, got ${tops.join(', ')}`);
    const root = path.join(pkgDir, tops[0]);
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    const found = packageJsonLicense(pkg);
    if (found.replace(/[()]/g, '') !== s.license.replace(/[()]/g, '')) {
      throw new Error(`${s.name}@${s.version}: package.json licence is "${found}", sources.ts says "${s.license}"`);
    }
    const staged: StagedSource = {
      id, kind: 'npm', label: `npm ${s.name}@${s.version}`, version: s.version, license: s.license,
      licenseFound: found, roots: [{ abs: root, prefix: '' }],
      npm: { integrity: info.integrity, shasum: info.shasum, tarball: path.basename(tarball) },
    };
    writeMarker(dir, staged);
    return staged;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function installedVersion(pkg: string): string | undefined {
  const out = quiet('dpkg-query', ['-W', '-f=${Status}\t${Version}', pkg]);
  if (!out) return undefined;
  const [status, version] = out.split('\t');
  return status.endsWith(' installed') && version ? version : undefined;
}

let aptUpdated = false;

function candidateVersion(pkg: string): string {
  for (;;) {
    const out = quiet('apt-cache', ['policy', pkg]) ?? '';
    const m = /Candidate:\s*(\S+)/.exec(out);
    if (m && m[1] !== '(none)') return m[1];
    if (aptUpdated) throw new Error(`apt has no candidate for ${pkg} (is it in this Debian release?)`);
    console.log(`apt has no candidate for ${pkg}: updating the package lists once`);
    run('apt-get', ['update', '-qq']);
    aptUpdated = true;
  }
}

/** Downloads and extracts one .deb (exact version) into the cache; returns its folder. */
function stageDeb(pkg: string, version: string, cacheDir: string, force: boolean): string {
  const dir = path.join(cacheDir, 'debian', `${pkg}_${version.replace(/[^A-Za-z0-9.+~-]/g, '_')}`);
  if (readMarker<unknown>(dir, force)) return dir;
  console.log(`staging Debian ${pkg}=${version} (download and extract; nothing is installed)`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-deb-'));
  try {
    fs.chmodSync(tmp, 0o777); // apt's sandbox user may write here
    run('apt-get', ['download', '-qq', `${pkg}=${version}`], tmp);
    const deb = fs.readdirSync(tmp).find((f) => f.endsWith('.deb'));
    if (!deb) throw new Error(`apt-get download ${pkg}=${version} produced no .deb`);
    run('dpkg-deb', ['-x', path.join(tmp, deb), dir]);
    writeMarker(dir, { package: pkg, version, deb });
    return dir;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function globToRegExp(segment: string): RegExp {
  const re = segment.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${re}$`);
}

/** Resolves an absolute root with optional glob segments under `base`. */
export function resolveRoot(base: string, root: string): string[] {
  let current = [base];
  for (const seg of root.split('/').filter(Boolean)) {
    const next: string[] = [];
    for (const dir of current) {
      if (!/[*?[]/.test(seg)) {
        if (fs.existsSync(path.join(dir, seg))) next.push(path.join(dir, seg));
        continue;
      }
      let names: string[] = [];
      try {
        names = fs.readdirSync(dir).sort();
      } catch {
        /* not there */
      }
      next.push(...names.filter((n) => globToRegExp(seg).test(n)).map((n) => path.join(dir, n)));
    }
    current = next;
  }
  return current;
}

/** The licence named in a Debian copyright file: `Files: *` paragraph first. */
function debianCopyrightLicense(base: string, pkg: string): string {
  let text: string;
  try {
    text = fs.readFileSync(path.join(base, 'usr/share/doc', pkg, 'copyright'), 'utf8');
  } catch {
    return 'copyright file not found';
  }
  const star = /^Files:\s*\*\s*$[\s\S]*?^License:\s*(.+)$/m.exec(text);
  const any = /^License:\s*(.+)$/m.exec(text);
  return (star ?? any)?.[1].trim() ?? `see /usr/share/doc/${pkg}/copyright`;
}

function commonParent(roots: string[]): string {
  let parts = roots[0].split('/');
  for (const r of roots.slice(1)) {
    const p = r.split('/');
    let i = 0;
    while (i < parts.length && i < p.length && parts[i] === p[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.join('/');
}

async function stageDebian(s: DebianSource, cacheDir: string, force: boolean): Promise<StagedSource> {
  const installed = s.packages.map((p) => installedVersion(p));
  const allInstalled = installed.every((v) => v !== undefined);
  const infos: DebianPackageInfo[] = [];
  const bases: string[] = [];
  for (let i = 0; i < s.packages.length; i++) {
    const pkg = s.packages[i];
    if (allInstalled) {
      infos.push({ name: pkg, version: installed[i]!, via: 'installed' });
      if (i === 0) bases.push('/');
    } else {
      const version = candidateVersion(pkg);
      infos.push({ name: pkg, version, via: 'downloaded' });
      bases.push(stageDeb(pkg, version, cacheDir, force));
    }
  }
  const logical: string[] = [];
  const roots: StagedRoot[] = [];
  for (const base of bases) {
    for (const root of s.roots) {
      for (const abs of resolveRoot(base, root)) {
        logical.push('/' + path.relative(base, abs).split(path.sep).join('/'));
        roots.push({ abs, prefix: '' });
      }
    }
  }
  if (roots.length === 0) throw new Error(`${s.name}: none of ${s.roots.join(', ')} exists in ${s.packages.join(', ')}`);
  if (new Set(logical).size > 1) {
    const parent = commonParent(logical);
    roots.forEach((r, i) => (r.prefix = logical[i].slice(parent.length + 1) + '/'));
  }
  const found = s.packages.map((p, i) => debianCopyrightLicense(bases[Math.min(i, bases.length - 1)], p));
  const version = infos.map((x) => x.version).join(', ');
  return {
    id: sourceId(s), kind: 'debian', label: `Debian ${infos.map((x) => `${x.name} ${x.version}`).join(', ')}`,
    version, license: s.license, licenseFound: [...new Set(found)].join('; '), roots, debian: infos,
  };
}

/** Stages one source (cached unless `force`), after checking its licence is permissive. */
export async function stageSource(s: Source, cacheDir: string, force: boolean): Promise<StagedSource> {
  if (!isPermissiveLicense(s.license)) {
    throw new Error(`${sourceId(s)}: licence "${s.license}" is not on the permissive allow-list`);
  }
  return s.kind === 'npm' ? stageNpm(s, cacheDir, force) : stageDebian(s, cacheDir, force);
}
