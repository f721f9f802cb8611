import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useBlocker, type BlockerFunction } from 'react-router';

/*
 * Unsaved changes are never lost silently. Every editing form registers here
 * (useUnsavedChanges); one provider then
 * - asks before an in-app navigation leaves a form with changes (one router
 *   blocker for the whole app: the router allows only one),
 * - asks the browser to confirm closing or reloading the window while any
 *   form has changes (in the desktop app the main process shows the question),
 * - saves the form in front of you on Ctrl+S (Cmd+S on a Mac), through the
 *   form's own submit, so the shortcut checks and saves exactly as Save does.
 */

interface Guard {
  dirty: boolean;
  /** Set by a successful save, so the navigation that follows it is not questioned. */
  released: boolean;
  form: HTMLFormElement | null;
  label: string;
}

interface Registry {
  add(guard: Guard): () => void;
  /** Asks, when a form has changes, whether to drop them; true when there is nothing to lose. */
  confirmDiscard(): Promise<boolean>;
}

const RegistryContext = createContext<Registry | null>(null);

type Question = { labels: string[]; answer(leave: boolean): void };

export function UnsavedChangesProvider({ children }: { children: ReactNode }) {
  const guards = useRef(new Set<Guard>());
  const [question, setQuestion] = useState<Question | null>(null);
  const pending = () => [...guards.current].filter((g) => g.dirty && !g.released);

  // What the question names is taken when the navigation is held, not while rendering.
  const [heldFor, setHeldFor] = useState<string[]>([]);
  const shouldBlock = useCallback<BlockerFunction>(({ currentLocation, nextLocation }) => {
    if (currentLocation.pathname === nextLocation.pathname) return false;
    const labels = pending().map((g) => g.label);
    if (labels.length) setHeldFor(labels);
    return labels.length > 0;
  }, []);
  const blocker = useBlocker(shouldBlock);
  const held: Question | null =
    blocker.state === 'blocked'
      ? {
          labels: heldFor,
          answer: (leave) => (leave ? blocker.proceed() : blocker.reset()),
        }
      : null;

  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (pending().length === 0) return;
      e.preventDefault();
      // Older engines show their question only when a value is set.
      e.returnValue = '';
    };
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.key.toLowerCase() !== 's') return;
      // Never the browser's own "Save page as".
      e.preventDefault();
      const all = [...guards.current].filter((g) => g.form?.isConnected);
      const focused = all.find((g) => g.form!.contains(document.activeElement));
      const dirty = all.filter((g) => g.dirty);
      const target =
        focused ?? (dirty.length === 1 ? dirty[0] : all.length === 1 ? all[0] : undefined);
      const form = target?.form;
      if (!form) return;
      const submit = form.querySelector<HTMLButtonElement>(
        'button[type="submit"], button:not([type])',
      );
      // A save already under way has disabled its button: do not send it twice.
      if (submit?.disabled) return;
      form.requestSubmit(submit ?? undefined);
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('keydown', onKey, true);
    };
  }, []);

  const registry = useMemo<Registry>(
    () => ({
      add(guard) {
        guards.current.add(guard);
        return () => void guards.current.delete(guard);
      },
      confirmDiscard() {
        const labels = pending().map((g) => g.label);
        if (labels.length === 0) return Promise.resolve(true);
        return new Promise((resolve) =>
          setQuestion({
            labels,
            answer: (leave) => {
              setQuestion(null);
              if (leave) for (const g of guards.current) g.released = true;
              resolve(leave);
            },
          }),
        );
      },
    }),
    [],
  );

  return (
    <RegistryContext.Provider value={registry}>
      {children}
      {held ? (
        <LeaveDialog question={held} />
      ) : question ? (
        <LeaveDialog question={question} />
      ) : null}
    </RegistryContext.Provider>
  );
}

function LeaveDialog({ question }: { question: Question }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  const what =
    question.labels.length === 1
      ? `your changes to ${question.labels[0]}`
      : `your changes to ${question.labels.slice(0, -1).join(', ')} and ${question.labels.at(-1)}`;
  return (
    <dialog
      ref={dialog}
      className="dialog unsaved-dialog"
      aria-labelledby="unsaved-title"
      aria-describedby="unsaved-body"
      onCancel={(e) => {
        e.preventDefault();
        question.answer(false);
      }}
    >
      <h2 id="unsaved-title">Leave without saving?</h2>
      <p id="unsaved-body">
        You have not saved {what}. If you leave now they will be lost. Stay to save them (Ctrl+S
        saves).
      </p>
      <div className="button-row">
        {/* Staying is the safe answer, so Enter and Escape both keep the changes. */}
        <button type="button" className="button" autoFocus onClick={() => question.answer(false)}>
          Stay and keep editing
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => question.answer(true)}
        >
          Leave and lose the changes
        </button>
      </div>
    </dialog>
  );
}

/**
 * Registers an editing form. Give it whether the form differs from what was
 * loaded (see `isChanged`) and a short name for the question ("the customer
 * Jane Smith"); spread `formProps` on the <form>, and call `saved()` when a save
 * succeeds, before navigating away from the form.
 */
export function useUnsavedChanges(dirty: boolean, label: string) {
  const registry = useContext(RegistryContext);
  const guard = useRef<Guard>({ dirty, released: false, form: null, label });
  useLayoutEffect(() => {
    guard.current.dirty = dirty;
    guard.current.label = label;
    if (!dirty) guard.current.released = false;
  }, [dirty, label]);
  useEffect(() => registry?.add(guard.current), [registry]);

  // Typing again after a save means there is something new to lose.
  const onInput = useCallback(() => {
    guard.current.released = false;
  }, []);
  const ref = useCallback(
    (form: HTMLFormElement | null) => {
      guard.current.form?.removeEventListener('input', onInput);
      guard.current.form = form;
      form?.addEventListener('input', onInput);
    },
    [onInput],
  );
  const saved = useCallback(() => {
    guard.current.released = true;
  }, []);
  const formProps = useMemo(() => ({ ref }), [ref]);
  return { formProps, saved };
}

/** Asks before an action that would drop unsaved changes without a navigation (switching profile). */
export function useConfirmDiscard(): () => Promise<boolean> {
  const registry = useContext(RegistryContext);
  return useCallback(() => registry?.confirmDiscard() ?? Promise.resolve(true), [registry]);
}

/** Whether a form's values differ from those it started with. */
export function isChanged(initial: unknown, current: unknown): boolean {
  return JSON.stringify(initial) !== JSON.stringify(current);
}

/**
 * useUnsavedChanges for a form whose values are one object: changed means
 * different from the values it opened with, or from those last saved
 * (`savedAs`, for a form that stays on screen after saving).
 */
export function useFormChanges<T>(values: T, label: string) {
  const [baseline, setBaseline] = useState(values);
  const { formProps, saved } = useUnsavedChanges(isChanged(baseline, values), label);
  const savedAs = useCallback((v: T) => setBaseline(v), []);
  return { formProps, saved, savedAs };
}
