import { formatDuration, type InfraEvent, type PlanStep } from '@sparkify/infra';

const SYMBOL: Record<PlanStep['change'], string> = { create: '+', update: '~', delete: '-', wait: '…', none: '=', skip: '·', blocked: '!' };

export function stepLine(step: PlanStep): string {
  return `${SYMBOL[step.change]} ${step.change.padEnd(7)} ${step.resource.padEnd(14)} ${step.name}${step.reason ? `  (${step.reason})` : ''}`;
}

/**
 * Turns the library's events into progress on stderr: on a terminal one line rewritten in place while waiting,
 * otherwise plain lines (a wait prints when its state changes and once a minute).
 */
export function progressReporter(write: (text: string) => void, isTTY: boolean): { onEvent: (event: InfraEvent) => void; done: () => void } {
  let open = false;
  let lastState = '';
  let lastPrinted = -Infinity;
  const endLine = () => {
    if (open) write('\n');
    open = false;
  };
  return {
    done: endLine,
    onEvent: (event) => {
      switch (event.type) {
        case 'step':
          endLine();
          write(`${stepLine(event.step)}\n`);
          return;
        case 'retry':
          endLine();
          write(`  ${event.code} from ${event.call}: retry ${event.attempt + 1}/${event.maxAttempts} in ${formatDuration(event.delayMs)}\n`);
          return;
        case 'wait': {
          const text = `  ${event.resource}: ${event.state} (${formatDuration(event.elapsedMs)} of at most ${formatDuration(event.timeoutMs)})`;
          if (isTTY) {
            write(`\r\x1b[K${text}`);
            open = true;
          } else if (event.state !== lastState || event.elapsedMs - lastPrinted >= 60_000) {
            write(`${text}\n`);
            lastPrinted = event.elapsedMs;
          }
          lastState = event.state;
          return;
        }
      }
    },
  };
}
