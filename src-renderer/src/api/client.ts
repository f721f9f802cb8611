import type { Input, MethodName, Result } from '../../../src-shared/api';
import { ApiError, type ApiResult } from '../../../src-shared/errors';

type Bridge = Record<string, (input: unknown) => Promise<ApiResult<unknown>>>;

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the app is served by the browser host. */
    api?: Bridge;
  }
}

/**
 * The one way the renderer reaches data: through Electron's bridge in the
 * desktop app, or the browser host's HTTP endpoint, with the same contract.
 */
export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Result<M>> {
  const result = window.api ? await window.api[method]!(input) : await overHttp(method, input);
  if (!result.ok) throw ApiError.fromBody(result.error);
  return result.value as Result<M>;
}

async function overHttp(method: string, input: unknown): Promise<ApiResult<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
  } catch {
    return {
      ok: false,
      error: {
        code: 'unavailable',
        message: 'The app cannot reach its data. Is the host still running?',
        fields: [],
      },
    };
  }
  return (await response.json()) as ApiResult<unknown>;
}

/** Field path → message, for showing server-side validation next to each field. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const f of error.fields) if (f.path && !(f.path in out)) out[f.path] = f.message;
  return out;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Nothing was saved.';
}
