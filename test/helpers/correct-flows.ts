// The correct end-to-end flows (test/engine/flow-fixtures.ts) as valid cases: every flow rule must stay
// silent on them.
import { CORRECT_FLOWS } from '../engine/flow-fixtures.js';
import type { ValidCase } from './rule-tester.js';

export const CORRECT_FLOW_CASES: ValidCase[] = Object.entries(CORRECT_FLOWS).map(([name, code]) => ({
  name: `correct flow ${name}`,
  code,
  path: name === 'POLL_TIMEOUT' ? 'app.js' : 'app.ts',
}));
