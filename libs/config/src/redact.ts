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

/**
 * Every secret the config holds, in the forms it could appear in text (plain and URL-encoded): the list that
 * `scrub` hides from anything printed. Values shorter than 3 characters are left out (hiding them would mangle
 * ordinary text).
 */
export function secretsOf(config: Config): string[] {
  const found: (string | undefined)[] = [
    config.aws.accessKeyId,
    config.aws.secretAccessKey,
    config.aws.sessionToken,
    config.cluster.password,
  ];
  if (config.target.kind === 'redshift') found.push(config.target.password);
  if (config.target.kind === 'postgres' && URL.canParse(config.target.url)) {
    const password = new URL(config.target.url).password;
    if (password) found.push(decodeOrKeep(password), password);
  }
  return [...new Set(found.filter((s): s is string => typeof s === 'string' && s.length >= 3))].flatMap((s) =>
    encodeURIComponent(s) === s ? [s] : [s, encodeURIComponent(s)],
  );
}

/** Replaces every secret in the text with ***: the last guard before anything is printed. */
export function scrub(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => out.split(secret).join(HIDDEN), text);
}

function decodeOrKeep(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a malformed escape: loadConfig refuses such a URL; keep the text as written
  }
}
