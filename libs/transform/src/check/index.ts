export { checks, type Check } from './checks.js';
export { runChecks, sampleSize, type CheckReport, type CheckResult } from './run-checks.js';
