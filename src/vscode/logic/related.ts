/**
 * Which other open documents a suggestion may copy from (CompletionRequest.related): the
 * ones in the same language, most recently focused first, never a file whose name says it
 * holds a secret (the trainer's rule, training/corpusFilters.ts), and never a huge one.
 * Texts are cached by document version, so a keystroke costs no copying of other files.
 */
import { RELATED_COPY_CHARS } from '../../engine/engine';
import { isSecretName } from '../../../training/corpusFilters';

export interface OpenDoc {
  uri: string;
  /** File name or path, for the secret-name rule. */
  fileName: string;
  languageId: string;
  version: number;
  /** Characters in the document (to skip huge ones without reading them). */
  length: number;
  text(): string;
}

/** Documents above this many characters are not copied from. */
export const MAX_RELATED_DOC_CHARS = 1 << 20;
/** Documents remembered in the focus order. */
const MAX_RECENT = 64;

export class RelatedDocs {
  private recent: string[] = [];
  private texts = new Map<string, { version: number; text: string }>();

  /** A document was focused (or typed in). */
  touch(uri: string): void {
    const k = this.recent.indexOf(uri);
    if (k >= 0) this.recent.splice(k, 1);
    this.recent.unshift(uri);
    if (this.recent.length > MAX_RECENT) this.recent.length = MAX_RECENT;
  }

  /** A document closed. */
  forget(uri: string): void {
    const k = this.recent.indexOf(uri);
    if (k >= 0) this.recent.splice(k, 1);
    this.texts.delete(uri);
  }

  /**
   * Texts of the documents in `open` that a suggestion in `current` may copy from, most
   * recently focused first, until `budget` characters.
   */
  pick(current: { uri: string; languageId: string }, open: readonly OpenDoc[], budget = RELATED_COPY_CHARS): string[] {
    const rank = (uri: string) => {
      const k = this.recent.indexOf(uri);
      return k < 0 ? MAX_RECENT : k;
    };
    const candidates = open
      .filter((d) => d.uri !== current.uri && d.languageId === current.languageId && d.length <= MAX_RELATED_DOC_CHARS && !isSecretName(d.fileName.replace(/\\/g, '/')))
      .map((d, k) => ({ d, k }))
      .sort((a, b) => rank(a.d.uri) - rank(b.d.uri) || a.k - b.k);
    const out: string[] = [];
    let left = budget;
    for (const { d } of candidates) {
      if (left <= 0) break;
      let cached = this.texts.get(d.uri);
      if (!cached || cached.version !== d.version) {
        cached = { version: d.version, text: d.text() };
        this.texts.set(d.uri, cached);
      }
      if (cached.text.length === 0) continue;
      out.push(cached.text);
      left -= cached.text.length;
    }
    return out;
  }
}
