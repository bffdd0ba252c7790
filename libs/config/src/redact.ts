import type { Config, Target } from './config.js';

const HIDDEN = '***';

/** A URL safe to print: the password, if any, replaced by ***. Unparseable text is hidden whole. */
export function redactUrl(url: string): string {
  if (!URL.canParse(url)) return HIDDEN;
  const parsed = new URL(url);
  if (parsed.password) parsed.password = HIDDEN;
  return parsed.toString();
}

const hide = (secret: string | undefined): string | undefined => (secret === undefined ? undefined : HIDDEN);

function redactTarget(target: Target): Target {
  switch (target.kind) {
    case 'embedded':
      return target;
    case 'postgres':
      return { ...target, url: redactUrl(target.url) };
    case 'redshift':
      return { ...target, password: HIDDEN };
  }
}

/** The config with every secret replaced by ***: the only form of it that may be printed or logged. */
export function redactConfig(config: Config): Config {
  return {
    ...config,
    target: redactTarget(config.target),
    aws: {
      ...config.aws,
      accessKeyId: hide(config.aws.accessKeyId),
      secretAccessKey: hide(config.aws.secretAccessKey),
      sessionToken: hide(config.aws.sessionToken),
    },
    cluster: { ...config.cluster, password: hide(config.cluster.password) },
  };
}
