export type {
  AwsSettings,
  ClusterSettings,
  Config,
  EmbeddedTarget,
  EtlSettings,
  LocalSource,
  PostgresTarget,
  RedshiftTarget,
  S3Source,
  Source,
  Target,
} from './config.js';
export { ConfigError } from './config-error.js';
export { KEYS, type KeySpec } from './keys.js';
export { DEFAULT_NODE_TYPE, loadConfig, type ConfigOverrides, type LoadConfigOptions } from './load-config.js';
export { redactConfig, redactUrl, scrub, secretsOf } from './redact.js';
