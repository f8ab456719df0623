/**
 * Checkpoints: parameters, Adam moments, data position and elapsed time, in one file
 * written atomically. A run that finds a compatible checkpoint resumes from it.
 * Layout: 8-byte magic, uint32 header length, JSON header, then params, m, v (float32), and
 * the tail average's mean when `avgCount` > 0.
 */
import * as fs from 'fs';
import type { BatcherState } from './batcher';
import type { Shape } from './params';

const MAGIC = Buffer.from('CLSTMCK1');

export interface CheckpointHeader {
  shape: Shape;
  vocab: string[];
  step: number;
  elapsedSec: number;
  adamT: number;
  batcher: BatcherState;
  /** Identifies the corpus and the settings that must match to resume. */
  fingerprint: string;
  valBpcBefore: number;
  from: string;
  trainedChars: number;
  /** Steps in the tail average so far (0 or absent: none, and no fourth array). */
  avgCount?: number;
}

export interface Checkpoint {
  header: CheckpointHeader;
  params: Float32Array;
  m: Float32Array;
  v: Float32Array;
  /** The tail average's mean, present when header.avgCount > 0. */
  avg?: Float32Array;
}

export async function saveCheckpoint(file: string, ck: Checkpoint): Promise<void> {
  const withAvg = ck.avg !== undefined && (ck.header.avgCount ?? 0) > 0;
  const head = Buffer.from(JSON.stringify({ ...ck.header, avgCount: withAvg ? ck.header.avgCount : 0 }), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length);
  const bufs = [MAGIC, len, head, ...[ck.params, ck.m, ck.v, ...(withAvg ? [ck.avg!] : [])].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))];
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.promises.writeFile(tmp, Buffer.concat(bufs));
  await fs.promises.rename(tmp, file);
}

/** Reads a checkpoint; undefined when there is none or it cannot be read. */
export async function loadCheckpoint(file: string): Promise<Checkpoint | undefined> {
  let buf: Buffer;
  try {
    buf = await fs.promises.readFile(file);
  } catch {
    return undefined;
  }
  if (buf.length < 12 || !buf.subarray(0, 8).equals(MAGIC)) return undefined;
  const n = buf.readUInt32LE(8);
  let header: CheckpointHeader;
  try {
    header = JSON.parse(buf.subarray(12, 12 + n).toString('utf8')) as CheckpointHeader;
  } catch {
    return undefined;
  }
  const rest = buf.subarray(12 + n);
  const floats = new Float32Array(rest.buffer.slice(rest.byteOffset, rest.byteOffset + rest.byteLength));
  const arrays = header.avgCount ? 4 : 3;
  if (floats.length % arrays !== 0) return undefined;
  const size = floats.length / arrays;
  const part = (k: number) => floats.slice(k * size, (k + 1) * size);
  return { header, params: part(0), m: part(1), v: part(2), ...(arrays === 4 ? { avg: part(3) } : {}) };
}
