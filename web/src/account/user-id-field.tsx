import { Field } from '../ui/fields';

/** The user id a person signs in with: on the sign-in and forgotten-password screens alike. */
export function UserIdField({
  value,
  onChange,
  errors,
}: {
  value: string;
  onChange: (value: string) => void;
  errors: string[];
}) {
  return (
    <Field
      field="userId"
      label="User id"
      hint="Given to you by your organisation's Local Security Officer."
      errors={errors}
    >
      {(props) => (
        <input
          {...props}
          className="input"
          name="userId"
          autoComplete="username"
          spellCheck={false}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
