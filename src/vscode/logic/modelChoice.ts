/**
 * Which model files to try, best first. Never imports `vscode`.
 *
 * 1. The model trained on this workspace by "Retrain on Workspace" (until "Reset to
 *    Default Model"): the user asked for it in this workspace, most recently.
 * 2. charLstm.modelPath, when set.
 * 3. The embedded default model.
 * A candidate that fails to load is reported once and the next one is tried.
 */
import type { ModelKind } from './status';

export interface ModelCandidate {
  kind: ModelKind;
  path: string;
  label: string;
}

export function modelCandidates(c: { workspaceModel?: string; modelPath?: string; defaultPath?: string; basename(p: string): string }): ModelCandidate[] {
  const out: ModelCandidate[] = [];
  if (c.workspaceModel) out.push({ kind: 'workspace', path: c.workspaceModel, label: 'workspace' });
  if (c.modelPath) out.push({ kind: 'custom', path: c.modelPath, label: c.basename(c.modelPath) });
  if (c.defaultPath) out.push({ kind: 'default', path: c.defaultPath, label: 'default' });
  return out;
}

/** Where the current candidate comes from, for warnings ("the model at charLstm.modelPath"). */
export function describeCandidate(c: ModelCandidate): string {
  return c.kind === 'workspace' ? 'the model trained on this workspace' : c.kind === 'custom' ? 'the model at charLstm.modelPath' : 'the embedded default model';
}

/** The warning for a candidate that failed, naming what is used instead. */
export function fallbackWarning(failed: ModelCandidate, reason: string, next: ModelCandidate | undefined, keeping?: string): string {
  const instead = next
    ? `Using ${describeCandidate(next)} instead.`
    : keeping
      ? `Still using the previous model (${keeping}).`
      : 'No other model is available, so completions are off.';
  return `Char LSTM: cannot use ${describeCandidate(failed)} (${reason}). ${instead}`;
}
