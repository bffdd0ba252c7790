import { describe, expect, it } from 'vitest';
import { classifyUserAgent } from './user-agent.js';

describe('classifyUserAgent', () => {
  // Agents as they appear in the Sparkify logs (many wrapped in literal double quotes).
  it.each([
    ['"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.143 Safari/537.36"', 'Chrome', 'macOS'],
    ['"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4) AppleWebKit/537.78.2 (KHTML, like Gecko) Version/7.0.6 Safari/537.78.2"', 'Safari', 'macOS'],
    ['Mozilla/5.0 (Windows NT 5.1; rv:31.0) Gecko/20100101 Firefox/31.0', 'Firefox', 'Windows XP'],
    ['"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Ubuntu Chromium/36.0.1985.125 Chrome/36.0.1985.125 Safari/537.36"', 'Chromium', 'Linux'],
    ['"Mozilla/5.0 (Windows NT 6.3; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.143 Safari/537.36"', 'Chrome', 'Windows 8.1'],
    ['"Mozilla/5.0 (iPhone; CPU iPhone OS 7_1_2 like Mac OS X) AppleWebKit/537.51.2 (KHTML, like Gecko) Version/7.0 Mobile/11D257 Safari/9537.53"', 'Mobile Safari', 'iOS'],
    ['Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko', 'Internet Explorer', 'Windows 7'],
    ['Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.2; WOW64; Trident/6.0)', 'Internet Explorer', 'Windows 8'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0', 'Edge', 'Windows 10/11'],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36', 'Chrome', 'Android'],
  ])('%s → %s on %s', (agent, browser, os) => {
    expect(classifyUserAgent(agent)).toEqual({ browser, os });
  });

  it('names missing and unrecognised agents instead of failing', () => {
    expect(classifyUserAgent(null)).toEqual({ browser: 'Unknown', os: 'Unknown' });
    expect(classifyUserAgent('""')).toEqual({ browser: 'Unknown', os: 'Unknown' });
    expect(classifyUserAgent('curl/8.5.0')).toEqual({ browser: 'Other', os: 'Other' });
  });
});
