import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobStatus } from '../../../src-shared/domain/jobs';
import { call, errorMessage } from '../api/client';
import { downloadBase64 } from '../features/customer-import/file-bytes';

/**
 * Follows a job the backend runs: start it, read its progress until it
 * ends, cancel it. The one way the window runs long work.
 */
export function useJob(options: { onDone?: (status: JobStatus) => void } = {}) {
  const onDone = useRef(options.onDone);
  useEffect(() => {
    onDone.current = options.onDone;
  });
  const [jobId, setJobId] = useState<string | null>(null);
  const [status, setStatus] = useState<JobStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    const poll = async () => {
      try {
        const next = await call('jobs.get', { id: jobId });
        if (stopped) return;
        setStatus(next);
        if (next.state === 'running') setTimeout(poll, 200);
        else if (next.state === 'done') onDone.current?.(next);
      } catch (e) {
        if (!stopped) setError(errorMessage(e));
      }
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [jobId]);

  const start = useCallback(async (begin: () => Promise<{ jobId: string }>) => {
    setError(null);
    setStatus(null);
    try {
      setJobId((await begin()).jobId);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  const cancel = useCallback(async () => {
    if (!jobId) return;
    try {
      setStatus(await call('jobs.cancel', { id: jobId }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [jobId]);

  const download = useCallback(
    async (name: string) => {
      if (!jobId) return;
      try {
        const file = await call('jobs.file', { id: jobId, name });
        downloadBase64(file.fileName, file.contentBase64, file.mimeType);
      } catch (e) {
        setError(errorMessage(e));
      }
    },
    [jobId],
  );

  const reset = useCallback(() => {
    setJobId(null);
    setStatus(null);
    setError(null);
  }, []);

  const running = jobId !== null && (status === null || status.state === 'running');
  return { status, error, running, start, cancel, download, reset };
}

/** Share of the whole job done, 0–1: finished steps plus the running step's part. */
export function jobFraction(status: JobStatus): number {
  if (status.state === 'done') return 1;
  const within = status.total > 0 ? status.done / status.total : 0;
  return Math.min(1, (status.stepNumber + within) / Math.max(1, status.stepCount));
}

/** A job's progress bar with its step and a Cancel button; its failure or cancel in words. */
export function JobProgress({ job, label }: { job: ReturnType<typeof useJob>; label: string }) {
  const { status, error } = job;
  if (error)
    return (
      <p className="job job--failed" role="alert">
        {error}
      </p>
    );
  if (!status)
    return job.running ? (
      <p className="job" role="status">
        Starting…
      </p>
    ) : null;
  if (status.state === 'failed')
    return (
      <p className="job job--failed" role="alert">
        {label} failed at “{status.failure?.step}”: {status.failure?.message}
      </p>
    );
  if (status.state === 'cancelled')
    return (
      <p className="job" role="status">
        {label} cancelled. No file was kept.
      </p>
    );
  if (status.state === 'done') return null;
  const percent = Math.round(jobFraction(status) * 100);
  return (
    <div className="job" role="group" aria-label={label}>
      <label className="job__label">
        <span>
          {status.step} (step {Math.min(status.stepNumber + 1, status.stepCount)} of{' '}
          {status.stepCount}
          {status.total > 1 ? `, ${status.done} of ${status.total}` : ''})
        </span>
        <progress className="job__bar" max={100} value={percent} aria-valuetext={`${percent}%`}>
          {percent}%
        </progress>
      </label>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => void job.cancel()}
        disabled={!status.cancellable}
        title={
          status.cancellable
            ? undefined
            : 'This step saves everything at once and cannot be stopped part-way.'
        }
      >
        Cancel
      </button>
    </div>
  );
}
