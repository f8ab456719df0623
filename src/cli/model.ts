/** The `--model` option shared by the commands: `default` (the embedded model) or a path. */
import { resolveModelSpec } from '../runtime/defaultModel';
import { CharModel } from '../runtime/onnxModel';
import { CliError } from './errors';

export const MODEL_OPTION_HELP = '--model M       default (the embedded model; the default) or a .onnx file';

/** Loads the model named by `--model`. A missing or broken model is a ModelError / CliError (exit 2). */
export async function loadModelOption(spec: string | undefined): Promise<CharModel> {
  const resolved = resolveModelSpec(spec);
  if (!resolved.path) throw new CliError(resolved.error ?? 'no model');
  return CharModel.load(resolved.path);
}
