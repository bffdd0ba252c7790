import type { DesiredStack, IngressRule, PlanStep } from '../stack-model.js';

/** What planning one resource adds: its steps and the notes (drift `up` reports but does not change). */
export interface Part {
  readonly steps: PlanStep[];
  readonly notes: string[];
}

export const part = (): Part => ({ steps: [], notes: [] });

export function ruleName(rule: IngressRule): string {
  return `${rule.cidr} → tcp/${rule.fromPort === rule.toPort ? rule.fromPort : `${rule.fromPort}-${rule.toPort}`}`;
}

export function ingressName(desired: DesiredStack): string {
  return desired.ingress ? `${desired.ingress.cidr} → tcp/${desired.ingress.port}` : 'warehouse port';
}

/** Pushes a note when a live value differs from the config (undefined = AWS did not say). */
export function drift(notes: string[], resource: string, what: string, actual: unknown, wanted: unknown, key: string, remedy: string): void {
  if (actual !== undefined && actual !== wanted) {
    notes.push(`${resource}: ${what} is ${String(actual)}, the config says ${String(wanted)} ([DWH] ${key}); up leaves it (${remedy}).`);
  }
}
