// Shared set-up for the task pane's component tests (happy-dom + Testing Library). Import it first in each
// test file: `import './setup.ts';`.
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy… waits up to 1 s by default; on a loaded shared CI machine a Fluent popover or dialog can take longer to
// open. Waiting longer costs nothing when the element is there (it returns at once); no test asserts on time.
configure({ asyncUtilTimeout: 10_000 });

// Testing Library unmounts between tests by itself only when the runner exposes a global afterEach;
// vitest runs without globals here, so do it explicitly (otherwise trees from earlier tests pile up).
afterEach(() => {
  cleanup();
});

// Web Animations: cancelling an animation rejects its `finished` promise, and the spec marks that promise
// as handled (https://drafts.csswg.org/web-animations-1/#canceling-an-animation-section) so browsers
// report nothing. happy-dom rejects without marking it, so every Fluent motion (Collapse in an Accordion,
// Dialog, Popover …) cancelled on unmount surfaced as an unhandled "AbortError: The animation was canceled".
if (typeof Animation !== 'undefined') {
  const cancel = Animation.prototype.cancel;
  Animation.prototype.cancel = function (this: Animation) {
    this.finished.catch(() => {});
    cancel.call(this);
  };
}
