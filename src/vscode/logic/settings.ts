/**
 * The extension's settings as plain data: one table of specs (type, default, bounds), a
 * parser that turns whatever the user wrote into valid values, and the mapping to the
 * engine's settings. Never imports `vscode` (tested by test/vscode/settings.test.ts, which
 * also checks that package.json `contributes.configuration` matches this table).
 *
 * Bad input never breaks anything: a value of the wrong type falls back to the default, a
 * number out of range is clamped to the nearest valid value, a whole-number setting is
 * rounded, and an unknown enum value falls back to the default. Each fallback is reported
 * as a one-line problem so the adapter can log it once.
 */
import { DEFAULT_ENGINE_SETTINGS } from '../../engine/engine';
import type { EngineSettings } from '../../engine/types';

export type TrainFrom = 'current' | 'default';

/** The engine's decoding knobs (src/engine/types.ts) plus what only the adapter uses. */
export interface Settings extends EngineSettings {
  enable: boolean;
  /** Language ids (as VS Code names them: `plaintext`, `markdown`, ...) with no suggestions. */
  disabledLanguages: string[];
  /** A model file to use instead of the embedded default ('' = none). */
  modelPath: string;
  trainingMinutes: number;
  /** Extra glob patterns (files.exclude syntax) left out of training. */
  trainingExclude: string[];
  /** Fine-tune the model in use ('current') or start again from the embedded default. */
  trainingFrom: TrainFrom;
}

type Spec =
  | { key: string; field: keyof Settings; type: 'boolean'; default: boolean }
  | { key: string; field: keyof Settings; type: 'number'; default: number; min: number; max: number; integer?: boolean }
  | { key: string; field: keyof Settings; type: 'string'; default: string; enum?: readonly string[] }
  | { key: string; field: keyof Settings; type: 'string[]'; default: readonly string[] };

/**
 * Every setting, by its key under `charLstm.`. The decoding defaults are the engine's
 * (DEFAULT_ENGINE_SETTINGS); a test keeps the two and package.json in step.
 */
const E = DEFAULT_ENGINE_SETTINGS;

export const SETTING_SPECS: readonly Spec[] = [
  { key: 'enable', field: 'enable', type: 'boolean', default: true },
  { key: 'temperature', field: 'temperature', type: 'number', default: E.temperature, min: 0, max: 2 },
  { key: 'topK', field: 'topK', type: 'number', default: E.topK, min: 0, max: 256, integer: true },
  { key: 'topP', field: 'topP', type: 'number', default: E.topP, min: 0, max: 1 },
  { key: 'candidates', field: 'candidates', type: 'number', default: E.candidates, min: 1, max: 16, integer: true },
  { key: 'maxChars', field: 'maxChars', type: 'number', default: E.maxChars, min: 1, max: 400, integer: true },
  { key: 'multiline', field: 'multiline', type: 'boolean', default: E.multiline },
  { key: 'minConfidence', field: 'minConfidence', type: 'number', default: E.minConfidence, min: 0, max: 1 },
  { key: 'minJointConfidence', field: 'minJointConfidence', type: 'number', default: E.minJointConfidence ?? 0, min: 0, max: 1 },
  { key: 'copyFromFiles', field: 'copyFromFiles', type: 'boolean', default: E.copyFromFiles },
  { key: 'maxContextChars', field: 'maxContextChars', type: 'number', default: E.maxContextChars, min: 64, max: 65536, integer: true },
  { key: 'disabledLanguages', field: 'disabledLanguages', type: 'string[]', default: [] },
  { key: 'modelPath', field: 'modelPath', type: 'string', default: '' },
  { key: 'training.minutes', field: 'trainingMinutes', type: 'number', default: 5, min: 0.1, max: 240 },
  { key: 'training.exclude', field: 'trainingExclude', type: 'string[]', default: [] },
  { key: 'training.from', field: 'trainingFrom', type: 'string', default: 'current', enum: ['current', 'default'] },
];

export const SECTION = 'charLstm';

/** The defaults, as a Settings object. */
export function defaultSettings(): Settings {
  const s: Record<string, unknown> = {};
  for (const spec of SETTING_SPECS) s[spec.field] = Array.isArray(spec.default) ? [...spec.default] : spec.default;
  return s as unknown as Settings;
}

export interface Parsed {
  settings: Settings;
  /** One line per value that was replaced, e.g. `charLstm.topP: 7 is above 1; using 1`. */
  problems: string[];
}

const show = (v: unknown): string => {
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
  } catch {
    return String(v);
  }
};

/**
 * Parses raw values. `get(key)` returns the configured value of `charLstm.<key>`, or
 * undefined when it is not set (then the default applies, silently).
 */
export function parseSettings(get: (key: string) => unknown): Parsed {
  const settings = defaultSettings() as unknown as Record<string, unknown>;
  const problems: string[] = [];
  for (const spec of SETTING_SPECS) {
    const raw = get(spec.key);
    if (raw === undefined || raw === null) continue;
    const name = `${SECTION}.${spec.key}`;
    const fallback = (why: string, value: unknown) => {
      problems.push(`${name}: ${why}; using ${show(value)}`);
      settings[spec.field] = value;
    };
    switch (spec.type) {
      case 'boolean':
        if (typeof raw === 'boolean') settings[spec.field] = raw;
        else fallback(`${show(raw)} is not true or false`, spec.default);
        break;
      case 'number': {
        const x = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
        if (!Number.isFinite(x)) {
          fallback(`${show(raw)} is not a number`, spec.default);
          break;
        }
        let v = spec.integer ? Math.round(x) : x;
        if (v < spec.min) v = spec.min;
        if (v > spec.max) v = spec.max;
        if (v !== x) fallback(x < spec.min ? `${x} is below ${spec.min}` : x > spec.max ? `${x} is above ${spec.max}` : `${x} is not a whole number`, v);
        else settings[spec.field] = v;
        break;
      }
      case 'string': {
        if (typeof raw !== 'string') {
          fallback(`${show(raw)} is not a string`, spec.default);
          break;
        }
        const v = raw.trim();
        if (spec.enum && !spec.enum.includes(v)) fallback(`${show(raw)} is not one of ${spec.enum.join(', ')}`, spec.default);
        else settings[spec.field] = v;
        break;
      }
      case 'string[]': {
        if (!Array.isArray(raw)) {
          fallback(`${show(raw)} is not a list of strings`, [...spec.default]);
          break;
        }
        const v = raw.filter((x): x is string => typeof x === 'string').map((x) => x.trim()).filter((x) => x !== '');
        if (v.length !== raw.length && raw.some((x) => typeof x !== 'string')) fallback('entries that are not strings were left out', v);
        else settings[spec.field] = v;
        break;
      }
    }
  }
  return { settings: settings as unknown as Settings, problems };
}

/** The decoding part of the settings, as the engine takes it. */
export function toEngineSettings(s: Settings): EngineSettings {
  return {
    temperature: s.temperature,
    topK: s.topK,
    topP: s.topP,
    candidates: s.candidates,
    maxChars: s.maxChars,
    multiline: s.multiline,
    minConfidence: s.minConfidence,
    minJointConfidence: s.minJointConfidence,
    copyFromFiles: s.copyFromFiles,
    maxContextChars: s.maxContextChars,
  };
}

/** Whether completions are off for a language (`disabledLanguages`; case-insensitive). */
export function isLanguageDisabled(s: Settings, languageId: string): boolean {
  const id = languageId.toLowerCase();
  return s.disabledLanguages.some((l) => l.toLowerCase() === id);
}

/**
 * Resolves `modelPath`: `~` is the home folder, `${workspaceFolder}` the first workspace
 * folder, and a relative path is taken from the first workspace folder (or left as it is
 * when there is none). Empty means "no model path".
 */
export function resolveModelPath(raw: string, env: { home: string; workspaceFolder?: string; isAbsolute(p: string): boolean; join(...p: string[]): string }): string | undefined {
  let p = raw.trim();
  if (p === '') return undefined;
  if (env.workspaceFolder) p = p.replace(/\$\{workspaceFolder\}/g, env.workspaceFolder);
  if (p === '~') p = env.home;
  else if (p.startsWith('~/') || p.startsWith('~\\')) p = env.join(env.home, p.slice(2));
  if (!env.isAbsolute(p) && env.workspaceFolder) p = env.join(env.workspaceFolder, p);
  return p;
}
