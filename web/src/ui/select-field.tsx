import { Field } from './fields';

export interface SelectOption {
  value: string;
  label: string;
}

/** One choice of many, as a labelled drop-down with its hint and reasons; `blank` names the choice of none. */
export function SelectField({
  field,
  label,
  hint,
  errors,
  value,
  onChange,
  options,
  blank,
}: {
  field: string;
  label: string;
  hint?: string;
  errors?: readonly string[];
  value: string;
  onChange: (value: string) => void;
  options: readonly SelectOption[];
  blank?: string;
}) {
  return (
    <Field field={field} label={label} hint={hint} errors={errors}>
      {(props) => (
        <select {...props} className="select" value={value} onChange={(event) => onChange(event.target.value)}>
          {blank !== undefined && <option value="">{blank}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
