import { mojibakeMarkers, mojibakePairs, mojibakeRounds } from './mojibake-map.js';

/**
 * Repairs text that was UTF-8-encoded twice (`ClichÃ©` → `Cliché`), exactly as the SQL `repairSql` does:
 * the same replacements in the same order, applied only when a marker character is present.
 */
export function repairMojibake(text: string): string;
export function repairMojibake(text: string | null): string | null;
export function repairMojibake(text: string | null): string | null {
  if (text === null || !mojibakeMarkers.some((m) => text.includes(m))) return text;
  let out = text;
  for (let round = 0; round < mojibakeRounds; round++) {
    for (const { from, to } of mojibakePairs) out = out.replaceAll(from, to);
  }
  return out;
}
