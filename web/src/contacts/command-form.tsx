import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ProblemError } from '../api/problem';
import { Field } from '../ui/fields';
import { useFormProblems } from '../ui/form-problems';
import { guardedBy, type ContactWork } from './contact-work';
import { newIdempotencyKey } from './idempotency-key';

/**
 * A command on a contact, a thread or a site visit, sent from a form: what the form can tell
 * before sending (a blank mandatory field), then the API's answer, its refusal shown field by field
 * with its message and trace id. Every command is sent with an Idempotency-Key: the same request
 * sent again (a retry after no answer) keeps its key, so it cannot act twice; the request includes
 * the version it was decided on (If-Match), so a decision on a newer version is a new request.
 */
/** What stops a form being sent: each reason, by its field where it has one. */
export class Refusal {
  constructor(readonly errors: readonly ProblemError[]) {}
}

export interface CommandOptions<Request> {
  /** Names the form's controls apart from every other form on the screen (`resolve`, `reply-<thread id>`). */
  formId: string;
  /** The fields the form shows: a reason on one of them goes by it; any other goes at the top only. */
  fields: readonly string[];
  /** The request, or what stops it being sent. */
  prepare: () => Request | Refusal;
  send: (request: Request, idempotencyKey: string) => Promise<unknown>;
  /** After a success, and after a refusal that says the thing has moved on (409, 412): read it again. */
  refresh: () => void;
  /** After a success: what to tell the person. */
  done: (request: Request) => void;
}

export interface Command {
  formId: string;
  /** The reasons on a field, the form's own and the API's. */
  errorsOf(field: string): string[];
  /** What a control is named by (its id is `controlId` of it). */
  fieldName(field: string): string;
  submit(event: FormEvent): void;
  busy: boolean;
  summary: ReactNode;
}

export function useCommand<Request>(options: CommandOptions<Request>): Command {
  const attempt = useRef<{ request: string; key: string }>(undefined);
  const problems = useFormProblems();
  const fieldName = (field: string) => `${options.formId}.${field}`;
  // A reason goes by its control when the form has one for its field; any other at the top only.
  const onForm = (field: string | undefined) => (field && options.fields.includes(field) ? fieldName(field) : '');
  const mutation = useMutation({
    mutationFn: (request: Request) => {
      const text = JSON.stringify(request);
      if (attempt.current?.request !== text) attempt.current = { request: text, key: newIdempotencyKey() };
      return options.send(request, attempt.current.key);
    },
    onSuccess: (_answer, request) => {
      attempt.current = undefined;
      problems.clear();
      options.refresh();
      options.done(request);
    },
    onError: (error) => {
      const refused = problems.refused(error, (reason) => onForm(reason.field));
      if (refused.status === 409 || refused.status === 412) options.refresh();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const prepared = options.prepare();
    const found = prepared instanceof Refusal ? prepared.errors : [];
    if (problems.checked(found.map((error) => ({ field: onForm(error.field), message: error.message }))) && !(prepared instanceof Refusal))
      mutation.mutate(prepared);
  };
  return {
    formId: options.formId,
    errorsOf: (field) => problems.errorsOf(fieldName(field)),
    fieldName,
    submit,
    busy: mutation.isPending,
    summary: problems.summary,
  };
}

/** The form of a command: its problems at the top, its fields, the button that sends it, and a way back. */
export function CommandForm({
  command,
  submitLabel,
  onCancel,
  children,
}: {
  command: Command;
  submitLabel: string;
  onCancel?: () => void;
  children?: ReactNode;
}) {
  return (
    <form className="command" onSubmit={command.submit} noValidate>
      {command.summary}
      {children}
      <div className="button-group">
        <button className="button" type="submit" disabled={command.busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button className="button button--secondary" type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

/**
 * A button that shows a command's form under it (the disclosure pattern: `aria-expanded`). One form
 * is open at a time on a screen (the screen holds which), so the one error summary is never two.
 * Cancelling closes the form and gives the focus back to the button.
 */
export function CommandToggle({
  id,
  label,
  open,
  setOpen,
  children,
}: {
  id: string;
  label: string;
  open: boolean;
  setOpen: (open: boolean) => void;
  children: (close: () => void) => ReactNode;
}) {
  const button = useRef<HTMLButtonElement>(null);
  const formId = `command-${id}`;
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className={open ? 'command-toggle command-toggle--open' : 'command-toggle'}>
      <button
        ref={button}
        type="button"
        className="button button--secondary"
        aria-expanded={open}
        aria-controls={open ? formId : undefined}
        onClick={() => setOpen(!open)}
      >
        {label}
      </button>
      {open && (
        <div id={formId} className="command-toggle__form">
          {children(close)}
        </div>
      )}
    </div>
  );
}

/** What the last command did, said where the focus goes after it (its form has gone). */
export function CommandDone({ message }: { message: string }) {
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    notice.current?.focus();
  }, [message]);
  return (
    <div className="notice notice--success" role="status" tabIndex={-1} ref={notice}>
      <p>{message}</p>
    </div>
  );
}

/** A text a command asks for, a line or a paragraph, labelled, with its reasons by it. */
export function CommandText({
  command,
  field,
  label,
  hint,
  optional = false,
  lines,
  value,
  onChange,
}: {
  command: Command;
  field: string;
  label: string;
  hint?: string;
  optional?: boolean;
  /** A paragraph of this many rows; a single line without. */
  lines?: number;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field field={command.fieldName(field)} label={optional ? `${label} (optional)` : label} hint={hint} errors={command.errorsOf(field)}>
      {(props) =>
        lines ? (
          <textarea
            {...props}
            className="textarea"
            name={field}
            rows={lines}
            value={value}
            onChange={(event) => onChange(event.target.value)}
          />
        ) : (
          <input
            {...props}
            className="input"
            name={field}
            autoComplete="off"
            value={value}
            onChange={(event) => onChange(event.target.value)}
          />
        )
      }
    </Field>
  );
}

/** A mandatory text left blank, as the API would name it; nothing when it is given. */
export function blank(field: string, value: string, message: string): ProblemError[] {
  return value.trim() === '' ? [{ code: 'VALIDATION_FAILED', field, message }] : [];
}

/**
 * A command that takes one text, which it needs, on the version read: a reply in a thread, the
 * reason a thread is closed, a contact withdrawn or a site visit declined.
 */
export function TextCommand({
  formId,
  field,
  label,
  hint,
  lines,
  whenBlank,
  submitLabel,
  version,
  send,
  work,
  doneMessage,
  onCancel,
}: {
  formId: string;
  /** The body's field, as the API names it in its reasons. */
  field: string;
  label: string;
  hint?: string;
  lines?: number;
  /** What to say when it is left blank. */
  whenBlank: string;
  submitLabel: string;
  version: number;
  send: (text: string, header: ReturnType<typeof guardedBy>) => Promise<unknown>;
  work: ContactWork;
  doneMessage: string;
  onCancel: () => void;
}) {
  const [text, setText] = useState('');
  const command = useCommand({
    formId,
    fields: [field],
    prepare: () => {
      const errors = blank(field, text, whenBlank);
      return errors.length > 0 ? new Refusal(errors) : { version, text: text.trim() };
    },
    send: (request, key) => send(request.text, guardedBy(request.version, key)),
    refresh: work.refresh,
    done: () => work.done(doneMessage),
  });
  return (
    <CommandForm command={command} submitLabel={submitLabel} onCancel={onCancel}>
      <CommandText command={command} field={field} label={label} hint={hint} lines={lines} value={text} onChange={setText} />
    </CommandForm>
  );
}
