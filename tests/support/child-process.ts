import { spawn, type ChildProcess } from 'node:child_process';

export interface Child {
  process: ChildProcess;
  lines: string[];
  stderr: () => string;
  /** Resolves when the child has printed this line (or rejects if it ends first). */
  waitFor(line: string): Promise<void>;
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
  const waiting: { line: string; resolve: () => void }[] = [];
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      for (const w of waiting.filter((x) => x.line === line)) w.resolve();
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return {
    process: child,
    lines,
    stderr: () => errors,
    waitFor: (line) =>
      lines.includes(line)
        ? Promise.resolve()
        : Promise.race([
            new Promise<void>((resolve) => waiting.push({ line, resolve })),
            ended.then(() => {
              if (!lines.includes(line))
                throw new Error(`The child ended before printing "${line}": ${errors}`);
            }),
          ]),
    ended,
  };
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
