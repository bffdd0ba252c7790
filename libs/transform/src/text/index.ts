export { mojibakeMarkers, mojibakePairs, mojibakeRounds, type MojibakePair } from './mojibake-map.js';
export { repairMojibake } from './repair-mojibake.js';
export { repairSql } from './repair-sql.js';
export { repairCall, repairFunctionName, repairFunctionStatement, repairSqlText } from './repair-function.js';
