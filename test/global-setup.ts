// Runs once per unit-test run (vitest.config.ts): the tests' temporary folders (data copies,
// score outputs) go under one root that is removed at the end.
import { useTempRoot } from './helpers/temp-root.ts';

export default function setup(): () => void {
  return useTempRoot('portal-unit-').teardown;
}
