import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

interface FieldFrame {
  label: string;
  /** Shown under the label, read out with the control. */
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
}

function Frame({
  id,
  label,
  hint,
  error,
  required,
  children,
}: FieldFrame & { id: string; children: ReactNode }) {
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
        {required ? <span className="field__required"> (required)</span> : null}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="field__hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** What ties a control to its label, hint and error for assistive technology. */
function controlProps(id: string, hint: unknown, error: unknown, required: boolean | undefined) {
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
    'aria-required': required || undefined,
  };
}

type TextFieldProps = FieldFrame &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & { id?: string };

export function TextField({ label, hint, error, required, id: given, ...input }: TextFieldProps) {
  const generated = useId();
  const id = given ?? generated;
  return (
    <Frame id={id} label={label} hint={hint} error={error} required={required}>
      <input {...controlProps(id, hint, error, required)} className="input" {...input} />
    </Frame>
  );
}

type TextAreaFieldProps = FieldFrame &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & { id?: string };

export function TextAreaField({
  label,
  hint,
  error,
  required,
  id: given,
  ...area
}: TextAreaFieldProps) {
  const generated = useId();
  const id = given ?? generated;
  return (
    <Frame id={id} label={label} hint={hint} error={error} required={required}>
      <textarea
        {...controlProps(id, hint, error, required)}
        className="input input--area"
        {...area}
      />
    </Frame>
  );
}

export interface Option {
  value: string;
  label: string;
}

type SelectFieldProps = FieldFrame &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
    id?: string;
    options: readonly Option[];
    placeholder?: string;
  };

export function SelectField({
  label,
  hint,
  error,
  required,
  id: given,
  options,
  placeholder,
  ...select
}: SelectFieldProps) {
  const generated = useId();
  const id = given ?? generated;
  return (
    <Frame id={id} label={label} hint={hint} error={error} required={required}>
      <select {...controlProps(id, hint, error, required)} className="input" {...select}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

type CheckboxFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> & {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  id?: string;
};

export function CheckboxField({ label, hint, error, id: given, ...input }: CheckboxFieldProps) {
  const generated = useId();
  const id = given ?? generated;
  return (
    <div className={`field field--check${error ? ' field--error' : ''}`}>
      <input
        id={id}
        type="checkbox"
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...input}
      />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <div id={`${id}-hint`} className="field__hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
