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

/** A labelled control with its hint and the reasons it was refused, all tied to it for assistive technology. */
export function Field({ field, label, hint, errors = [], children }: FieldProps) {
  const id = controlId(field);
  const describedBy = [hint ? `${id}-hint` : undefined, errors.length > 0 ? `${id}-error` : undefined].filter(Boolean).join(' ');
  return (
    <div className={errors.length > 0 ? 'field field--error' : 'field'}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <ErrorMessages id={`${id}-error`} errors={errors} />
      {children({ id, 'aria-describedby': describedBy || undefined, 'aria-invalid': errors.length > 0 ? true : undefined })}
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
  const describedBy = [hint ? `${id}-hint` : undefined, errors.length > 0 ? `${id}-error` : undefined].filter(Boolean).join(' ');
  return (
    <div className={errors.length > 0 ? 'field field--error' : 'field'}>
      <fieldset aria-describedby={describedBy || undefined}>
        <legend className="label">{legend}</legend>
        {hint && (
          <span className="hint" id={`${id}-hint`}>
            {hint}
          </span>
        )}
        <ErrorMessages id={`${id}-error`} errors={errors} />
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
      </fieldset>
    </div>
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
  const describedBy = [hint ? `${id}-hint` : undefined, errors.length > 0 ? `${id}-error` : undefined].filter(Boolean).join(' ');
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
    <div className={errors.length > 0 ? 'field field--error' : 'field'}>
      <fieldset aria-describedby={describedBy || undefined}>
        <legend className="label">{legend}</legend>
        {hint && (
          <span className="hint" id={`${id}-hint`}>
            {hint}
          </span>
        )}
        <ErrorMessages id={`${id}-error`} errors={errors} />
        <div className="date-parts">
          {part('day', 'Day', 'day')}
          {part('month', 'Month', 'day')}
          {part('year', 'Year', 'year')}
        </div>
      </fieldset>
    </div>
  );
}
