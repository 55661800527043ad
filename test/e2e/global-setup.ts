// Runs once per `vitest run --config vitest.e2e.config.ts`: every temporary folder the e2e tests
// make (data copies, builds, score outputs) goes under one root that is removed at the end.
import type { TestProject } from 'vitest/node';
import { useTempRoot } from '../helpers/temp-root.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's temporary root (also TMPDIR for the test workers). */
    e2eRoot: string;
  }
}

export default function setup(project: TestProject): () => void {
  const { root, teardown } = useTempRoot('portal-e2e-');
  project.provide('e2eRoot', root);
  return teardown;
}
