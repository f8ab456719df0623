import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export function tmpDir(tag: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `char-lstm-${tag}-`));
}
