import { useEffect, useRef } from 'react';

export interface SummaryItem {
  message: string;
  /** The id of the field to jump to. */
  fieldId?: string;
}

/**
 * The items for a failed save: one per field at fault, pointing at the field
 * whose id is `${idPrefix}-${path}`, or the fallback when the error names no
 * field.
 */
export function summaryItems(
  fields: Record<string, string>,
  idPrefix: string,
  fallback?: SummaryItem,
): SummaryItem[] {
  const items = Object.entries(fields).map(([path, message]) => ({
    message,
    fieldId: `${idPrefix}-${path}`,
  }));
  return items.length || !fallback ? items : [fallback];
}

/**
 * The list of what stops a save, at the top of a form: it takes focus when it
 * appears so keyboard and screen reader users hear it, and each item jumps to
 * its field.
 */
export function ErrorSummary({
  title = 'There is a problem',
  items,
}: {
  title?: string;
  items: SummaryItem[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const signature = items.map((i) => i.message).join('|');
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (items.length === 0) return null;
  return (
    <div
      ref={ref}
      className="error-summary"
      role="alert"
      tabIndex={-1}
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title" className="error-summary__title">
        {title}
      </h2>
      <ul>
        {items.map((item) => (
          <li key={item.message + (item.fieldId ?? '')}>
            {item.fieldId ? (
              <a
                href={`#${item.fieldId}`}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(item.fieldId!)?.focus();
                }}
              >
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
