/**
 * The JSONPaths of the Udacity bucket's log_json_path.json, used when a local source folder has none.
 * Path i feeds staging_events column i.
 */
export const DEFAULT_LOG_JSON_PATHS_TEXT = JSON.stringify({
  jsonpaths: [
    'artist', 'auth', 'firstName', 'gender', 'itemInSession', 'lastName', 'length', 'level', 'location', 'method',
    'page', 'registration', 'sessionId', 'song', 'status', 'ts', 'userAgent', 'userId',
  ].map((key) => `$['${key}']`),
});
