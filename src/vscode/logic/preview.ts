/**
 * "Char LSTM: Preview Temperature" as plain data: which temperatures to sample and how a
 * sample is shown in the quick pick. Never imports `vscode`.
 */

export const PREVIEW_TEMPERATURES: readonly number[] = [0, 0.2, 0.4, 0.7, 1.0, 1.5];

/** The preview temperatures plus the one in use, ascending, without duplicates. */
export function previewTemperatures(current: number): number[] {
  const all = new Set<number>([...PREVIEW_TEMPERATURES, Math.round(current * 100) / 100]);
  return [...all].sort((a, b) => a - b);
}

export interface PreviewSample {
  temperature: number;
  /** undefined: the engine showed nothing (below the confidence gate, or text after the cursor). */
  text: string | undefined;
  meanLogProb?: number;
}

/** Whitespace made visible on one line: newline as ⏎, tab as →. */
export function visible(text: string): string {
  return text.replace(/\r?\n/g, '⏎').replace(/\t/g, '→');
}

/** The last characters before the cursor, for the picker's title. */
export function contextTail(prefix: string, max = 40): string {
  const lastLine = prefix.slice(prefix.lastIndexOf('\n') + 1).trimStart();
  const t = lastLine.length > max ? `…${lastLine.slice(lastLine.length - max + 1)}` : lastLine;
  return t;
}

export interface PreviewItem {
  label: string;
  description: string;
  detail: string;
  temperature: number;
}

export function previewItem(s: PreviewSample, current: number): PreviewItem {
  const isCurrent = Math.abs(s.temperature - current) < 1e-9;
  const label = `${isCurrent ? '● ' : ''}temperature ${s.temperature}${s.temperature === 0 ? ' (greedy)' : ''}`;
  const description = s.text === undefined || s.text === '' ? '(nothing shown: not confident enough)' : visible(s.text);
  const p = s.meanLogProb !== undefined && Number.isFinite(s.meanLogProb) ? Math.exp(s.meanLogProb) : undefined;
  const detail = [isCurrent ? 'in use now' : undefined, p !== undefined && s.text ? `mean probability per character ${p.toFixed(2)}` : undefined]
    .filter(Boolean)
    .join(' · ');
  return { label, description, detail, temperature: s.temperature };
}
