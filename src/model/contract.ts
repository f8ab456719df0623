/** Constants of the model file contract (DESIGN.md section 2, format 1). */
export const FORMAT_VERSION = '1';
export const MIN_OPSET = 14;

export const META = {
  format: 'char_lstm.format',
  vocab: 'char_lstm.vocab',
  layers: 'char_lstm.layers',
  hidden: 'char_lstm.hidden',
  training: 'char_lstm.training',
} as const;

export const INPUT = { tokens: 'tokens', h0: 'h0', c0: 'c0' } as const;
export const OUTPUT = { logits: 'logits', hn: 'hn', cn: 'cn' } as const;

/** What `char_lstm.training` may hold. Every field is optional: models from elsewhere may omit it. */
export interface TrainingInfo {
  files?: number;
  characters?: number;
  minutes?: number;
  from?: string;
  val_bpc?: number;
  date?: string;
  command?: string;
  [key: string]: unknown;
}
