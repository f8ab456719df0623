/**
 * Memory of suggestions the user typed past, per document, so that the same wrong ghost
 * text is not offered again and again (a small model repeats its mistakes: `expo` ->
 * `rts` on every `export` line).
 *
 * The engine sees the prefixes of one document one request after another. When a
 * suggestion S was shown at prefix P and a later prefix extends P with typed text that
 * leaves S (neither is a prefix of the other), S was rejected. Its key is the word being
 * typed at P (or, outside a word, the character before the cursor) followed by S, so
 * `expo` + `rts` and `expor` + `ts` are the same rejection. A rejected suggestion is held
 * back; if the user then types exactly what was held back, it would have been right, and
 * it is no longer rejected. Keys are kept per document, a bounded number of them, and
 * documents least recently used first are dropped.
 */
import { isWordChar } from './stopRules';

const MAX_KEYS_PER_DOC = 256;
/** Characters compared to check that a new prefix extends the one a suggestion was made at. */
const TAIL = 32;

/** The last suggestion made in a document, shown or held back, until the typing decides it. */
interface Pending {
  prefixLength: number;
  tail: string;
  key: string;
  text: string;
  shown: boolean;
}

interface DocMemory {
  pending?: Pending;
  rejected: Set<string>;
}

/** The word being typed at the end of `prefix` (at most 64 characters), else its last character. */
function contextKey(prefix: string): string {
  let k = prefix.length;
  while (k > 0 && prefix.length - k < 64 && isWordChar(prefix[k - 1])) k--;
  return k < prefix.length ? prefix.slice(k) : prefix.slice(-1);
}

export class RejectionMemory {
  private readonly docs = new Map<string, DocMemory>();

  constructor(private readonly maxDocs = 20) {}

  /** Looks at a new prefix of a document: did the typing leave or complete the last suggestion? */
  observe(docId: string, prefix: string): void {
    const doc = this.docs.get(docId);
    const p = doc?.pending;
    if (!doc || !p) return;
    const extends_ = prefix.length > p.prefixLength && prefix.slice(p.prefixLength - p.tail.length, p.prefixLength) === p.tail;
    if (!extends_) {
      doc.pending = undefined; // deleted, moved or edited elsewhere: no verdict
      return;
    }
    const typed = prefix.slice(p.prefixLength, p.prefixLength + p.text.length);
    if (p.text.startsWith(typed)) {
      if (typed.length < p.text.length) return; // still typing through it
      if (!p.shown) doc.rejected.delete(p.key); // held back, yet typed as suggested: it was right
    } else if (p.shown) {
      doc.rejected.add(p.key);
      if (doc.rejected.size > MAX_KEYS_PER_DOC) doc.rejected.delete(doc.rejected.values().next().value as string);
    }
    doc.pending = undefined;
  }

  /**
   * The suggestion to show at `prefix`: `text`, or undefined when it was typed past before.
   * Remembers it until the typing decides. While the user types through a suggestion, the
   * first one stays remembered (under its first key) as long as new ones agree with its rest.
   */
  check(docId: string, prefix: string, text: string | undefined): string | undefined {
    const doc = this.touch(docId);
    const key = text === undefined ? '' : contextKey(prefix) + text;
    const show = text !== undefined && !doc.rejected.has(key);
    const old = doc.pending;
    if (old && prefix.length > old.prefixLength) {
      const rest = old.text.slice(prefix.length - old.prefixLength);
      if (text === undefined || rest.startsWith(text) || text.startsWith(rest)) return show ? text : undefined;
    }
    doc.pending = text === undefined ? undefined : { prefixLength: prefix.length, tail: prefix.slice(-TAIL), key, text, shown: show };
    return show ? text : undefined;
  }

  forget(docId: string): void {
    this.docs.delete(docId);
  }

  private touch(docId: string): DocMemory {
    let doc = this.docs.get(docId);
    if (doc) this.docs.delete(docId);
    else doc = { rejected: new Set() };
    this.docs.set(docId, doc);
    while (this.docs.size > this.maxDocs) this.docs.delete(this.docs.keys().next().value as string);
    return doc;
  }
}
