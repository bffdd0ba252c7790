import type { PlanStep } from './plan.js';

/** What a long run reports while it works; the CLI turns these into progress lines. */
export type InfraEvent =
  | { readonly type: 'retry'; readonly call: string; readonly code: string; readonly attempt: number; readonly maxAttempts: number; readonly delayMs: number }
  | { readonly type: 'wait'; readonly resource: string; readonly state: string; readonly elapsedMs: number; readonly timeoutMs: number }
  | { readonly type: 'step'; readonly step: PlanStep };

export type EventSink = (event: InfraEvent) => void;
