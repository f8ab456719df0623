/**
 * What the extension is doing, as plain data, and how the status bar and the
 * `charLstm.status` command show it. Never imports `vscode`.
 *
 * The status bar text is part of the interface with end-to-end tests: when a model is
 * loaded and completions are on it reads `Char LSTM ✓ <model>`, optionally followed by
 * ` (<bpc> bpc)` and ` · training <n>%`.
 */

export type ModelKind = 'default' | 'workspace' | 'custom';

export interface ActiveModelInfo {
  kind: ModelKind;
  /** Short name: `default`, `workspace`, or the file name of charLstm.modelPath. */
  label: string;
  path: string;
  /** Validation bits per character from the model's own metadata, when it has one. */
  bpc?: number;
  layers: number;
  hidden: number;
  vocab: number;
  bytes: number;
  loadMs: number;
  /** The model's `char_lstm.training` metadata, as it is. */
  training?: Record<string, unknown>;
}

export interface TrainingStatus {
  /** 0..1 */
  fraction: number;
  phase: string;
}

export interface StatusState {
  phase: 'loading' | 'ready' | 'no-model';
  enabled: boolean;
  model?: ActiveModelInfo;
  training?: TrainingStatus;
  /** Why there is no model, or what went wrong last, in one line. */
  problem?: string;
}

export const STATUS_PREFIX = 'Char LSTM';
export const READY_MARK = '✓';

export function formatBpc(bpc: number | undefined, digits = 2): string | undefined {
  return bpc !== undefined && Number.isFinite(bpc) ? bpc.toFixed(digits) : undefined;
}

export function statusText(s: StatusState): string {
  let text: string;
  if (s.phase === 'loading') text = `${STATUS_PREFIX} … loading model`;
  else if (s.phase === 'no-model' || !s.model) text = `${STATUS_PREFIX} ✗ no model`;
  else if (!s.enabled) text = `${STATUS_PREFIX} ⊘ off`;
  else {
    const bpc = formatBpc(s.model.bpc);
    text = `${STATUS_PREFIX} ${READY_MARK} ${s.model.label}${bpc ? ` (${bpc} bpc)` : ''}`;
  }
  if (s.training) text += ` · training ${Math.round(100 * Math.min(1, Math.max(0, s.training.fraction)))}%`;
  return text;
}

export function statusTooltip(s: StatusState): string {
  const lines: string[] = [];
  if (s.phase === 'loading') lines.push('Loading the model...');
  else if (s.phase === 'no-model' || !s.model) lines.push(`No model: ${s.problem ?? 'none could be loaded'}. Completions are off.`);
  else {
    const m = s.model;
    const bpc = formatBpc(m.bpc, 3);
    lines.push(`Model: ${m.label} (${m.kind === 'default' ? 'embedded default' : m.kind === 'workspace' ? 'trained on this workspace' : 'charLstm.modelPath'})`);
    lines.push(`${m.layers} x ${m.hidden} LSTM, ${m.vocab} characters${bpc ? `, ${bpc} bits/char on validation` : ''}`);
    lines.push(`File: ${m.path}`);
    lines.push(s.enabled ? 'Completions are on.' : 'Completions are off (Char LSTM: Toggle).');
  }
  if (s.training) lines.push(`Retraining: ${s.training.phase}, ${Math.round(100 * s.training.fraction)}%`);
  lines.push('Click for Char LSTM commands.');
  return lines.join('\n');
}

/** The `charLstm.status` answer: plain JSON for tests and tools. */
export interface StatusJson {
  ready: boolean;
  enabled: boolean;
  phase: StatusState['phase'];
  model: string | null;
  modelKind: ModelKind | null;
  modelPath: string | null;
  bpc: number | null;
  training: TrainingStatus | null;
  problem: string | null;
  text: string;
}

export function statusJson(s: StatusState): StatusJson {
  return {
    ready: s.phase === 'ready' && s.model !== undefined,
    enabled: s.enabled,
    phase: s.phase,
    model: s.model?.label ?? null,
    modelKind: s.model?.kind ?? null,
    modelPath: s.model?.path ?? null,
    bpc: s.model?.bpc !== undefined && Number.isFinite(s.model.bpc) ? s.model.bpc : null,
    training: s.training ?? null,
    problem: s.problem ?? null,
    text: statusText(s),
  };
}

/** The multi-line text of "Char LSTM: Show Model Info". */
export function modelInfoText(m: ActiveModelInfo): string {
  const lines = [
    `Model: ${m.label} (${m.kind === 'default' ? 'the embedded default model' : m.kind === 'workspace' ? 'trained on this workspace' : 'from charLstm.modelPath'})`,
    `File: ${m.path} (${formatSize(m.bytes)})`,
    `Shape: ${m.layers} layer${m.layers === 1 ? '' : 's'} x ${m.hidden} hidden units, ${m.vocab} characters in the vocabulary`,
    `Validation: ${formatBpc(m.bpc, 3) ?? 'unknown'} bits per character`,
    `Loaded in ${Math.round(m.loadMs)} ms`,
  ];
  const t = m.training;
  if (t) {
    const facts: string[] = [];
    if (typeof t.files === 'number') facts.push(`${t.files} files`);
    if (typeof t.characters === 'number') facts.push(`${formatCount(t.characters)} characters`);
    if (typeof t.minutes === 'number') facts.push(`${t.minutes} min`);
    if (typeof t.from === 'string') facts.push(`from ${t.from}`);
    if (typeof t.date === 'string') facts.push(`on ${t.date.slice(0, 10)}`);
    if (facts.length) lines.push(`Trained: ${facts.join(', ')}`);
    const history = Array.isArray(t.history) ? t.history : [];
    if (history.length > 0 && typeof t.total_minutes === 'number') {
      lines.push(`Earlier stages: ${history.length} (${t.total_minutes} min of training in all)`);
    }
    if (typeof t.command === 'string') lines.push(`Command: ${t.command}`);
  }
  return lines.join('\n');
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

export function formatCount(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)}k`;
  return `${n}`;
}
