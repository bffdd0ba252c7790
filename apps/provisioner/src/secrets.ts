import type { Config } from '@sparkify/config';

/** Every secret the config holds (plain and URL-encoded), long enough that hiding it cannot mangle normal text. */
export function secretsOf(config: Config): string[] {
  const found = [config.aws.secretAccessKey, config.aws.sessionToken, config.aws.accessKeyId, config.cluster.password];
  if (config.target.kind === 'redshift') found.push(config.target.password);
  if (config.target.kind === 'postgres' && URL.canParse(config.target.url)) found.push(decodeURIComponent(new URL(config.target.url).password));
  return [...new Set(found.filter((s): s is string => typeof s === 'string' && s.length >= 4))].flatMap((s) =>
    encodeURIComponent(s) === s ? [s] : [s, encodeURIComponent(s)],
  );
}

/** Replaces every secret in the text with ***: the last guard before anything is printed. */
export function scrub(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => out.split(secret).join('***'), text);
}
