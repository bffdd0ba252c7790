// @sparkify/datagen: synthetic Sparkify data in the exact format of the real files, at any size, deterministic.
export { generate, type GenerateReport } from './generate.js';
export { DEMO_DATASET } from './demo.js';
export { GenerateError, type GenerateOptions, type GenerateProgress } from './options.js';
export { MAX_SONGS, type SongFormat } from './catalog.js';
export { doubleEncode } from './json-text.js';
export { LOG_JSON_PATH } from './log-json-path.js';
