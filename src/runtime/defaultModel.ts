import * as fs from 'fs';
import * as path from 'path';

export const DEFAULT_MODEL_FILE = 'default.onnx';

/** Where the embedded default model lives, from the bundle (out/) or from sources (src/runtime/). */
export function defaultModelPath(): string | undefined {
  for (const up of [['..'], ['..', '..']]) {
    const p = path.join(__dirname, ...up, 'models', DEFAULT_MODEL_FILE);
    if (fs.existsSync(p)) return p;
  }
  return undefined;
}

/** Resolves a `--model` value: `default` (or nothing) means the embedded model. */
export function resolveModelSpec(spec: string | undefined): { path?: string; error?: string } {
  if (spec === undefined || spec === 'default') {
    const p = defaultModelPath();
    return p ? { path: p } : { error: 'no embedded default model is installed yet (models/default.onnx); pass --model FILE' };
  }
  return { path: path.resolve(spec) };
}
