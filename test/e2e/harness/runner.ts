/**
 * A small sequential test runner for the end-to-end suite: each step runs in order (they
 * share one editor), a failure is reported and the next steps still run unless they
 * need an earlier one. The last line is the summary `N passed, N failed[, N skipped]`.
 */
export interface Step {
  name: string;
  /** Names of earlier steps that must have passed; otherwise this one is skipped. */
  needs?: string[];
  timeoutMs: number;
  run(): Promise<void>;
}

export interface StepResult {
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  ms: number;
  error?: string;
}

export async function runSteps(steps: Step[], stop: () => boolean, onFailure: (step: Step, err: unknown) => Promise<void>): Promise<StepResult[]> {
  const results: StepResult[] = [];
  const passed = new Set<string>();
  for (const step of steps) {
    if (stop()) break;
    const missing = (step.needs ?? []).filter((n) => !passed.has(n));
    if (missing.length) {
      results.push({ name: step.name, status: 'skipped', ms: 0, error: `needs: ${missing.join(', ')}` });
      console.log(`  - ${step.name} (skipped: needs ${missing.join(', ')})`);
      continue;
    }
    const t0 = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        step.run(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`step timed out after ${step.timeoutMs} ms`)), step.timeoutMs);
        }),
      ]);
      passed.add(step.name);
      results.push({ name: step.name, status: 'passed', ms: Date.now() - t0 });
      console.log(`  ✓ ${step.name} (${Date.now() - t0} ms)`);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      results.push({ name: step.name, status: 'failed', ms: Date.now() - t0, error: message });
      console.log(`  ✗ ${step.name} (${Date.now() - t0} ms)\n      ${message.split('\n').join('\n      ')}`);
      if (!stop()) await onFailure(step, err).catch(() => undefined);
    } finally {
      clearTimeout(timer);
    }
  }
  return results;
}

export function summary(results: StepResult[]): string {
  const n = (s: StepResult['status']) => results.filter((r) => r.status === s).length;
  const skipped = n('skipped');
  return `${n('passed')} passed, ${n('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

export function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}
