import type { Config } from '@sparkify/config';

/** Every secret the config holds, in the forms it could appear in text (plain and URL-encoded). */
export function secretsOf(config: Config): string[] {
  const found: (string | undefined)[] = [config.aws.secretAccessKey, config.aws.sessionToken, config.cluster.password];
  if (config.target.kind === 'redshift') found.push(config.target.password);
  if (config.target.kind === 'postgres' && URL.canParse(config.target.url)) {
    const password = new URL(config.target.url).password;
    if (password) found.push(decodeURIComponent(password), password);
  }
  return [...new Set(found.filter((s): s is string => typeof s === 'string' && s.length >= 3))].flatMap((s) =>
    encodeURIComponent(s) === s ? [s] : [s, encodeURIComponent(s)],
  );
}

/** Replaces every secret in the text with ***. */
export function scrub(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => out.split(secret).join('***'), text);
}
