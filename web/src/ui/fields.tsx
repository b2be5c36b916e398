import type { ReactNode } from 'react';

/** The id of the control for a field path (`dtlEvidence.meterRead.value` → `field-dtlEvidence-meterRead-value`). */
export function controlId(field: string): string {
  return `field-${field.replaceAll('.', '-')}`;
}

interface FieldProps {
  field: string;
  label: string;
  hint?: string;
  errors?: readonly string[];
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}

/** The ids of a field's hint and reasons, for `aria-describedby`. */
function describedByOf(id: string, hint: string | undefined, errors: readonly string[]): string | undefined {
  return (
    [hint ? `${id}-hint` : undefined, errors.length > 0 ? `${id}-error` : undefined].filter(Boolean).join(' ') ||
    undefined
  );
}

/** A field's hint and the reasons it was refused, under its label or legend. */
function HintAndErrors({ id, hint, errors }: { id: string; hint?: string; errors: readonly string[] }) {
  return (
    <>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <ErrorMessages id={`${id}-error`} errors={errors} />
    </>
  );
}

/** A labelled control with its hint and the reasons it was refused, all tied to it for assistive technology. */
export function Field({ field, label, hint, errors = [], children }: FieldProps) {
  const id = controlId(field);
  return (
    <div className={errors.length > 0 ? 'field field--error' : 'field'}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <HintAndErrors id={id} hint={hint} errors={errors} />
      {children({
        id,
        'aria-describedby': describedByOf(id, hint, errors),
        'aria-invalid': errors.length > 0 ? true : undefined,
      })}
    </div>
  );
}

/** Controls that answer one question together (radio buttons, a date's parts): a fieldset whose legend asks it. */
function GroupField({
  id,
  legend,
  hint,
  errors,
  children,
}: {
  id: string;
  legend: string;
  hint?: string;
  errors: readonly string[];
  children: ReactNode;
}) {
  return (
    <div className={errors.length > 0 ? 'field field--error' : 'field'}>
      <fieldset aria-describedby={describedByOf(id, hint, errors)}>
        <legend className="label">{legend}</legend>
        <HintAndErrors id={id} hint={hint} errors={errors} />
        {children}
      </fieldset>
    </div>
  );
}

export function ErrorMessages({ id, errors }: { id: string; errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return (
    <span className="error-message" id={id}>
      {errors.map((error, index) => (
        <span key={index}>
          <span className="visually-hidden">Error: </span>
          {error}
          {index < errors.length - 1 && <br />}
        </span>
      ))}
    </span>
  );
}

interface ChoicesProps {
  field: string;
  legend: string;
  hint?: string;
  errors?: readonly string[];
  choices: readonly { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
}

/** One choice of a few, as radio buttons in a fieldset whose legend asks the question. */
export function Choices({ field, legend, hint, errors = [], choices, value, onChange }: ChoicesProps) {
  const id = controlId(field);
  return (
    <GroupField id={id} legend={legend} hint={hint} errors={errors}>
      <div className="choices">
        {choices.map((choice, index) => (
          <label className="choice" key={choice.value}>
            <input
              type="radio"
              name={field}
              id={index === 0 ? id : `${id}-${choice.value}`}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
            {choice.label}
          </label>
        ))}
      </div>
    </GroupField>
  );
}

interface DateFieldProps {
  field: string;
  legend: string;
  hint?: string;
  errors?: readonly string[];
  value: { day: string; month: string; year: string };
  onChange: (value: { day: string; month: string; year: string }) => void;
}

/**
 * A date as day, month and year in three boxes (the GOV.UK date input pattern): the same in every
 * browser, whatever its language, and easy to type from a paper form. Digits only.
 */
export function DateField({ field, legend, hint, errors = [], value, onChange }: DateFieldProps) {
  const id = controlId(field);
  const part = (name: 'day' | 'month' | 'year', label: string, size: 'day' | 'year') => (
    <div className="date-part">
      <label className="label" htmlFor={name === 'day' ? id : `${id}-${name}`}>
        {label}
      </label>
      <input
        className={`input input--${size}`}
        id={name === 'day' ? id : `${id}-${name}`}
        name={`${field}.${name}`}
        inputMode="numeric"
        autoComplete="off"
        maxLength={name === 'year' ? 4 : 2}
        aria-invalid={errors.length > 0 ? true : undefined}
        value={value[name]}
        onChange={(event) => onChange({ ...value, [name]: event.target.value.replace(/\D/g, '') })}
      />
    </div>
  );
  return (
    <GroupField id={id} legend={legend} hint={hint} errors={errors}>
      <div className="date-parts">
        {part('day', 'Day', 'day')}
        {part('month', 'Month', 'day')}
        {part('year', 'Year', 'year')}
      </div>
    </GroupField>
  );
}
