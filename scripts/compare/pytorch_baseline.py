"""Optional outside baseline: the same char-LSTM trained by PyTorch, for side-by-side
numbers in benchmarks. The project never depends on it (Debian's python3-torch).

Usage: OPENBLAS_NUM_THREADS=1 /usr/bin/python3 scripts/compare/pytorch_baseline.py SPLIT.json MINUTES [B T]
(OPENBLAS_NUM_THREADS=1: torch already runs 2 OpenMP threads; letting OpenBLAS add its own
threads oversubscribes 2 cores and runs 15x slower.)
Trains 2x256, E64 on the train texts (TBPTT over consecutive chunks, a file starts from
zero state after a '\n' start token, like our trainer), Adam, then reports validation
bits per character per DESIGN.md section 4 (each file from zero state) as JSON.
"""
import json, math, sys, time, random
import torch, torch.nn as nn

split = json.load(open(sys.argv[1]))
minutes = float(sys.argv[2])
B = int(sys.argv[3]) if len(sys.argv) > 3 else 32
T = int(sys.argv[4]) if len(sys.argv) > 4 else 128
torch.manual_seed(1); random.seed(1)
torch.set_num_threads(2)
vocab = ['', '\t', '\n'] + [chr(c) for c in range(32, 127)]
idx = {ch: k for k, ch in enumerate(vocab) if k > 0}
enc = lambda s: [idx['\n']] + [idx.get(ch, 0) for ch in s]
train = [enc(t) for t in split['train'] if t]
val = [enc(t) for t in split['val'] if t]

class M(nn.Module):
    def __init__(s, V, E=64, H=256, L=2):
        super().__init__()
        s.emb = nn.Embedding(V, E); s.lstm = nn.LSTM(E, H, L); s.out = nn.Linear(H, V)
    def forward(s, x, st=None):
        y, st = s.lstm(s.emb(x), st)
        return s.out(y), st

V = len(vocab); m = M(V); opt = torch.optim.Adam(m.parameters(), lr=3e-3, betas=(0.9, 0.99))
rows = [None] * B; order = []
def take():
    global order
    if not order:
        order = list(range(len(train))); random.shuffle(order)
    return order.pop()
h = torch.zeros(2, B, 256); c = torch.zeros(2, B, 256)
start = time.time(); steps = 0; chars = 0
budget = minutes * 60
while time.time() - start < budget:
    x = torch.zeros(T, B, dtype=torch.long); y = torch.zeros(T, B, dtype=torch.long); w = torch.zeros(T, B)
    for b in range(B):
        if rows[b] is None or rows[b][1] >= len(train[rows[b][0]]) - 1:
            rows[b] = [take(), 0]; h[:, b] = 0; c[:, b] = 0
        f, p = rows[b]; seq = train[f]; n = min(T, len(seq) - 1 - p)
        x[:n, b] = torch.tensor(seq[p:p + n]); y[:n, b] = torch.tensor(seq[p + 1:p + n + 1]); w[:n, b] = 1
        rows[b][1] += n
    lr = 3e-3 * (0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * min(1, (time.time() - start) / budget))))
    for g in opt.param_groups: g['lr'] = lr
    logits, (h, c) = m(x, (h, c)); h = h.detach(); c = c.detach()
    loss = (nn.functional.cross_entropy(logits.reshape(-1, V), y.reshape(-1), reduction='none') * w.reshape(-1)).sum() / w.sum()
    opt.zero_grad(); loss.backward(); nn.utils.clip_grad_norm_(m.parameters(), 1.0); opt.step()
    steps += 1; chars += int(w.sum())
secs = time.time() - start
bits = 0.0; n = 0
with torch.no_grad():
    for seq in val:
        logits, _ = m(torch.tensor(seq[:-1]).unsqueeze(1))
        lp = torch.log_softmax(logits.squeeze(1), -1)
        bits += -lp[torch.arange(len(seq) - 1), torch.tensor(seq[1:])].sum().item() / math.log(2); n += len(seq) - 1
print(json.dumps({'engine': 'pytorch ' + torch.__version__, 'B': B, 'T': T, 'steps': steps, 'chars_per_s': round(chars / secs), 'val_bpc': bits / n, 'val_chars': n}))
