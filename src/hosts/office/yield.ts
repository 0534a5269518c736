// The pane's thread inside Excel is the add-in's only one: CPU work between two requests (planning a million
// rows into blocks …) must give it back often, or the pane freezes and desktop Office may warn that the add-in
// is not responding. `breather()` resolves at once until `budgetMs` of work have passed, then after a task.
// https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization
export const TASK_BUDGET_MS = 50;

export function breather(budgetMs = TASK_BUDGET_MS): () => Promise<void> | null {
  let since = performance.now();
  return () => {
    if (performance.now() - since < budgetMs) return null;
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        since = performance.now();
        resolve();
      }, 0),
    );
  };
}
