/** Browser and operating system read from a User-Agent header, for grouping plays by client. */
export interface ClientKind {
  readonly browser: string;
  readonly os: string;
}

// Windows NT kernel versions → marketing names (https://en.wikipedia.org/wiki/Windows_NT#Releases).
const windowsNames: Readonly<Record<string, string>> = {
  '5.1': 'Windows XP',
  '5.2': 'Windows XP',
  '6.0': 'Windows Vista',
  '6.1': 'Windows 7',
  '6.2': 'Windows 8',
  '6.3': 'Windows 8.1',
  '10.0': 'Windows 10/11',
};

// Order matters: Chromium and Edge also say "Chrome", Chrome also says "Safari", IE 11 says "like Gecko".
const browsers: readonly (readonly [RegExp, string])[] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bMSIE \d|\bTrident\//, 'Internet Explorer'],
  [/\bChromium\//, 'Chromium'],
  [/\b(Chrome|CriOS)\//, 'Chrome'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\bMobile\/\S+ Safari\//, 'Mobile Safari'],
  [/\bVersion\/\S+.*\bSafari\//, 'Safari'],
];

const systems: readonly (readonly [RegExp, (m: RegExpMatchArray) => string])[] = [
  [/\bWindows NT (\d+\.\d+)/, (m) => windowsNames[m[1] ?? ''] ?? `Windows NT ${m[1]}`],
  [/\b(iPhone|iPad|iPod)\b/, () => 'iOS'],
  [/\bAndroid\b/, () => 'Android'],
  [/\bMac OS X\b/, () => 'macOS'],
  [/\bCrOS\b/, () => 'ChromeOS'],
  [/\bLinux\b|\bX11\b/, () => 'Linux'],
];

/**
 * Classifies a User-Agent string. The Sparkify logs wrap many of them in literal double quotes; those are ignored.
 * Unknown or missing agents give 'Other' / 'Unknown' rather than failing: this feeds a chart, not a decision.
 */
export function classifyUserAgent(userAgent: string | null | undefined): ClientKind {
  const ua = (userAgent ?? '').trim().replace(/^"|"$/g, '');
  if (ua === '') return { browser: 'Unknown', os: 'Unknown' };
  const browser = browsers.find(([re]) => re.test(ua))?.[1] ?? 'Other';
  let os = 'Other';
  for (const [re, name] of systems) {
    const m = ua.match(re);
    if (m) {
      os = name(m);
      break;
    }
  }
  return { browser, os };
}
