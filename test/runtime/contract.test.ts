/**
 * Models that break the model file contract (DESIGN.md section 2) are refused with one
 * line that names what is wrong. Each case starts from a valid model and breaks one thing.
 */
import * as assert from 'node:assert/strict';
import { onnx } from 'onnx-proto';
import { CharModel, ModelError } from '../../src/runtime/onnxModel';
import { defaultCodeVocab } from '../../src/model/vocab';
import { META } from '../../src/model/contract';
import { buildInferenceModel } from '../../training/graph/inference';
import { editModel, ourModel, setMeta } from '../helpers/models';

const vocab = defaultCodeVocab();
const base = ourModel(vocab, 2, 8, 4, 11);

async function expectRefused(bytes: Uint8Array, pattern: RegExp): Promise<void> {
  await assert.rejects(CharModel.fromBytes(bytes, 'broken.onnx'), (e: unknown) => {
    assert.ok(e instanceof ModelError, `expected a ModelError, got ${String(e)}`);
    assert.match(e.message, pattern);
    assert.match(e.message, /^broken\.onnx: /, 'the message names the file');
    assert.ok(!e.message.includes('\n'), 'the message is one line');
    return true;
  });
}

const withMeta = (key: string, value: string | undefined) => editModel(base.bytes, (m) => setMeta(m, key, value));

function graphInput(m: onnx.ModelProto, name: string): onnx.IValueInfoProto {
  const v = m.graph?.input?.find((i) => i.name === name);
  if (!v) throw new Error(`test model has no input ${name}`);
  return v;
}

describe('runtime: model file contract', () => {
  it('the unedited model loads (so each failure below comes from its one edit)', async () => {
    const m = await CharModel.fromBytes(editModel(base.bytes, () => undefined), 'ok.onnx');
    assert.equal(m.vocab.size, vocab.length);
    assert.equal(m.layers, 2);
    assert.equal(m.hidden, 8);
    await m.release();
  });

  it('missing format metadata', () =>
    expectRefused(withMeta(META.format, undefined), /'char_lstm\.format' is missing: this is not a Char LSTM model/));

  it('wrong format version', () => expectRefused(withMeta(META.format, '2'), /model format '2' is not supported/));

  it('vocabulary that is not JSON', () => expectRefused(withMeta(META.vocab, '["a", "b"'), /'char_lstm\.vocab' is not valid JSON/));

  it('vocabulary that is not an array', () => expectRefused(withMeta(META.vocab, '{"0": "a"}'), /'char_lstm\.vocab' is not a JSON array/));

  it('vocabulary with a multi-character entry', () => {
    const v = [...vocab];
    v[5] = 'ab';
    return expectRefused(withMeta(META.vocab, JSON.stringify(v)), /entry 5 \("ab"\) is not a single character/);
  });

  it('layers that is not a number', () =>
    expectRefused(withMeta(META.layers, 'two'), /'char_lstm\.layers' is 'two', not a positive whole number/));

  it('hidden size that disagrees with h0', () =>
    expectRefused(withMeta(META.hidden, '9'), /input 'h0' has size 8 on axis 2, but the metadata says 9/));

  it('missing input h0', () =>
    expectRefused(
      editModel(base.bytes, (m) => {
        graphInput(m, 'h0').name = 'state_h';
      }),
      /no input named 'h0' \(it has: tokens, state_h, c0\)/,
    ));

  it('tokens of the wrong type', () =>
    expectRefused(
      editModel(base.bytes, (m) => {
        graphInput(m, 'tokens').type!.tensorType!.elemType = onnx.TensorProto.DataType.INT32;
      }),
      /input 'tokens' is int32, the contract needs int64/,
    ));

  it('logits whose declared vocabulary size disagrees with the metadata', () =>
    expectRefused(withMeta(META.vocab, JSON.stringify([...vocab, 'é'])), /output 'logits' has size 98 on axis 2, but the metadata says 99/));

  it('logits whose actual size disagrees with the metadata (found by the test run)', () =>
    expectRefused(
      editModel(base.bytes, (m) => {
        setMeta(m, META.vocab, JSON.stringify([...vocab, 'é']));
        const logits = m.graph!.output!.find((o) => o.name === 'logits')!;
        logits.type!.tensorType!.shape = null; // undeclared shape: only running it tells
      }),
      /logits have 98 entries per character but the vocabulary has 99/,
    ));

  it('opset 13', () => expectRefused(buildInferenceModel(base.p, { vocab }, 13), /opset 13 is too old; the contract needs opset 14/));
});
