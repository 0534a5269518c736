// Long synchronous stages of a run written as generators that yield every few thousand rows: the command
// line and the file host drain them in one go (no cost), the Excel pane — whose thread is the pane's own —
// gives the thread back whenever a budget of work has passed, so no task runs long enough to freeze it.
// https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization

/** Gives the thread back (a zero-delay timer on the pane's thread). */
export type Pause = () => Promise<void>;

/** A stage that yields between parts of its work and returns its result. */
export type Steps<T> = Generator<void, T>;

/** Work between two pauses: well under the 50 ms a browser counts as a long task, in a few parts. */
export const PAUSE_BUDGET_MS = 40;

/** The stage's result, run in one go. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}

/**
 * When the thread was last given back by any stage: one stage's budget counts from the previous stage's
 * last pause, so stages that follow each other in one task share a budget instead of adding theirs up.
 */
let lastPause = performance.now();

/** Whether `budgetMs` of work have passed since the last pause. */
const spent = (budgetMs: number) => performance.now() - lastPause >= budgetMs;

async function pauseNow(pause: Pause): Promise<void> {
  await pause();
  lastPause = performance.now();
}

/** The stage's result, pausing whenever `budgetMs` of work have passed (in one go without `pause`). */
export async function drainPausing<T>(steps: Steps<T>, pause: Pause | undefined, budgetMs = PAUSE_BUDGET_MS): Promise<T> {
  if (!pause) return drain(steps);
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
    if (spent(budgetMs)) await pauseNow(pause);
  }
}

/** A pause only once `budgetMs` of work have passed since the last one (null: go on). */
export function budgeted(pause: Pause, budgetMs = PAUSE_BUDGET_MS): () => Promise<void> | null {
  return () => (spent(budgetMs) ? pauseNow(pause) : null);
}
