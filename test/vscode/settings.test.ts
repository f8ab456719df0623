import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_ENGINE_SETTINGS } from '../../src/engine/engine';
import {
  defaultSettings, isLanguageDisabled, parseSettings, resolveModelPath, SECTION, SETTING_SPECS, toEngineSettings,
} from '../../src/vscode/logic/settings';

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
const props: Record<string, Record<string, unknown>> = pkg.contributes.configuration.properties;

const parse = (values: Record<string, unknown>) => parseSettings((k) => values[k]);

describe('vscode/settings: parsing with fallbacks', () => {
  it('gives the defaults when nothing is set, silently', () => {
    const r = parse({});
    assert.deepStrictEqual(r.settings, defaultSettings());
    assert.deepStrictEqual(r.problems, []);
  });

  it('uses the engine defaults for decoding', () => {
    const e = toEngineSettings(defaultSettings());
    for (const [k, v] of Object.entries(e)) assert.strictEqual(v, (DEFAULT_ENGINE_SETTINGS as unknown as Record<string, unknown>)[k], k);
  });

  it('keeps valid values', () => {
    const r = parse({ enable: false, temperature: 0.7, topK: 20, topP: 0.9, candidates: 8, maxChars: 80, multiline: true, minConfidence: 0.2, minJointConfidence: 0.3,
      copyFromFiles: false, maxContextChars: 1024, disabledLanguages: ['markdown', 'plaintext'], modelPath: ' ~/m.onnx ', 'training.minutes': 2.5,
      'training.exclude': ['**/gen/**'], 'training.from': 'default' });
    assert.deepStrictEqual(r.problems, []);
    assert.deepStrictEqual(r.settings, {
      enable: false, temperature: 0.7, topK: 20, topP: 0.9, candidates: 8, maxChars: 80, multiline: true, minConfidence: 0.2, minJointConfidence: 0.3,
      copyFromFiles: false, maxContextChars: 1024, disabledLanguages: ['markdown', 'plaintext'], modelPath: '~/m.onnx', trainingMinutes: 2.5,
      trainingExclude: ['**/gen/**'], trainingFrom: 'default',
    });
  });

  it('falls back to the default on the wrong type, and says so', () => {
    const r = parse({ enable: 'yes', temperature: 'hot', maxChars: {}, multiline: 1, disabledLanguages: 'markdown', modelPath: 42 });
    const d = defaultSettings();
    assert.strictEqual(r.settings.enable, d.enable);
    assert.strictEqual(r.settings.temperature, d.temperature);
    assert.strictEqual(r.settings.maxChars, d.maxChars);
    assert.strictEqual(r.settings.multiline, d.multiline);
    assert.deepStrictEqual(r.settings.disabledLanguages, []);
    assert.strictEqual(r.settings.modelPath, '');
    assert.strictEqual(r.problems.length, 6);
    assert.match(r.problems.join('\n'), /charLstm\.temperature: "hot" is not a number; using 0/);
  });

  it('clamps numbers into range and rounds whole-number settings', () => {
    const r = parse({ temperature: 9, topP: -1, maxChars: 12.6, candidates: 0, 'training.minutes': 1e9, maxContextChars: '512' });
    assert.strictEqual(r.settings.temperature, 2);
    assert.strictEqual(r.settings.topP, 0);
    assert.strictEqual(r.settings.maxChars, 13);
    assert.strictEqual(r.settings.candidates, 1);
    assert.strictEqual(r.settings.trainingMinutes, 240);
    assert.strictEqual(r.settings.maxContextChars, 512, 'a numeric string is read as a number');
    assert.match(r.problems.join('\n'), /charLstm\.temperature: 9 is above 2; using 2/);
    assert.match(r.problems.join('\n'), /charLstm\.maxChars: 12\.6 is not a whole number; using 13/);
  });

  it('rejects NaN, Infinity and unknown enum values', () => {
    const r = parse({ temperature: NaN, minConfidence: Infinity, 'training.from': 'scratch' });
    assert.strictEqual(r.settings.temperature, defaultSettings().temperature);
    assert.strictEqual(r.settings.minConfidence, defaultSettings().minConfidence);
    assert.strictEqual(r.settings.trainingFrom, 'current');
    assert.strictEqual(r.problems.length, 3);
  });

  it('keeps the strings of a list and drops the rest', () => {
    const r = parse({ disabledLanguages: ['markdown', 3, null, ' log ', ''] });
    assert.deepStrictEqual(r.settings.disabledLanguages, ['markdown', 'log']);
    assert.strictEqual(r.problems.length, 1);
  });

  it('matches disabled languages case-insensitively', () => {
    const s = parse({ disabledLanguages: ['Markdown'] }).settings;
    assert.ok(isLanguageDisabled(s, 'markdown'));
    assert.ok(!isLanguageDisabled(s, 'python'));
  });

  it('resolves modelPath: ~, ${workspaceFolder} and relative paths', () => {
    const env = { home: '/home/u', workspaceFolder: '/ws', isAbsolute: path.posix.isAbsolute, join: path.posix.join };
    assert.strictEqual(resolveModelPath('', env), undefined);
    assert.strictEqual(resolveModelPath('  ', env), undefined);
    assert.strictEqual(resolveModelPath('~/m.onnx', env), '/home/u/m.onnx');
    assert.strictEqual(resolveModelPath('${workspaceFolder}/models/m.onnx', env), '/ws/models/m.onnx');
    assert.strictEqual(resolveModelPath('models/m.onnx', env), '/ws/models/m.onnx');
    assert.strictEqual(resolveModelPath('/abs/m.onnx', env), '/abs/m.onnx');
    assert.strictEqual(resolveModelPath('m.onnx', { ...env, workspaceFolder: undefined }), 'm.onnx');
  });
});

describe('vscode/settings: package.json declares every setting as the parser reads it', () => {
  it('has exactly the parser settings', () => {
    assert.deepStrictEqual(Object.keys(props).sort(), SETTING_SPECS.map((s) => `${SECTION}.${s.key}`).sort());
  });

  for (const spec of SETTING_SPECS) {
    it(`${SECTION}.${spec.key}: scope, markdownDescription, default and bounds`, () => {
      const p = props[`${SECTION}.${spec.key}`];
      assert.ok(typeof p.scope === 'string' && p.scope.length > 0, 'scope');
      assert.ok(typeof p.markdownDescription === 'string' && (p.markdownDescription as string).length > 20, 'markdownDescription');
      assert.deepStrictEqual(p.default, spec.default, 'default');
      if (spec.type === 'number') {
        assert.strictEqual(p.type, spec.integer ? 'integer' : 'number');
        assert.strictEqual(p.minimum, spec.min, 'minimum');
        assert.strictEqual(p.maximum, spec.max, 'maximum');
      } else if (spec.type === 'string[]') {
        assert.strictEqual(p.type, 'array');
      } else {
        assert.strictEqual(p.type, spec.type);
        if (spec.type === 'string' && spec.enum) assert.deepStrictEqual(p.enum, spec.enum);
      }
    });
  }
});
