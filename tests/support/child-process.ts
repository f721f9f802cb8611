import { spawn, type ChildProcess } from 'node:child_process';

export interface Child {
  process: ChildProcess;
  lines: string[];
  stderr: () => string;
  /** Resolves when the child has printed this line (or rejects if it ends first). */
  waitFor(line: string): Promise<void>;
  /** Resolves once what the child has printed passes the test (or rejects if it ends first). */
  waitUntil(test: (lines: readonly string[]) => boolean): Promise<void>;
  /** Resolves once the child has ended and everything it printed has been read. */
  ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts a Node script and reads what it prints, line by line. */
export function startChild(script: string, args: string[], env = process.env): Child {
  const child = spawn(process.execPath, [script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  const lines: string[] = [];
  let partial = '';
  let errors = '';
  const waiting: { test: (lines: readonly string[]) => boolean; resolve: () => void }[] = [];
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      for (const w of waiting.filter((x) => x.test(lines))) w.resolve();
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  function waitUntil(test: (lines: readonly string[]) => boolean): Promise<void> {
    if (test(lines)) return Promise.resolve();
    return Promise.race([
      new Promise<void>((resolve) => waiting.push({ test, resolve })),
      ended.then(() => {
        if (!test(lines))
          throw new Error(`The child ended before printing what was awaited: ${errors}`);
      }),
    ]);
  }
  return {
    process: child,
    lines,
    stderr: () => errors,
    waitFor: (line) => waitUntil((all) => all.includes(line)),
    waitUntil,
    ended,
  };
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
