export type { Check } from './check.js';
export { checks } from './checks.js';
export { derivedChecks } from './derived-checks.js';
export { playsMatchEvents } from './plays-match-events.js';
export { runChecks, sampleSize, type CheckReport, type CheckResult } from './run-checks.js';
