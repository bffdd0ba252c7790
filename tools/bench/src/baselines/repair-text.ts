import { repairSqlText } from '@sparkify/transform';

/**
 * Our mojibake repair over a value named `v`, as SQL text (its literals are inlined): the body of a function
 * or macro the baselines define, so they match plays to songs on the same repaired text as our transform.
 */
export const repairText = (): string => repairSqlText('v');
