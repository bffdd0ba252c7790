// The Redshift JSONPaths file for staging_events, byte for byte as published with the real data (456 bytes,
// four-space indent, no newline at the end).
const KEYS = [
  'artist', 'auth', 'firstName', 'gender', 'itemInSession', 'lastName', 'length', 'level', 'location', 'method',
  'page', 'registration', 'sessionId', 'song', 'status', 'ts', 'userAgent', 'userId',
];

export const LOG_JSON_PATH = `{\n    "jsonpaths": [\n${KEYS.map((k) => `        "$['${k}']"`).join(',\n')}\n    ]\n}`;
