export { describeWith, isCI, type Requirement } from './requirement.js';
export { sharedData, sharedDataRoot, workspaceRoot, type SharedDataSet } from './shared-data.js';
export { createTempDatabase, postgresServer, serverUrl, type TempDatabase } from './postgres-server.js';
