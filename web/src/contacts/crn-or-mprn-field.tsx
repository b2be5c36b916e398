import { Field } from '../ui/fields';

/** The one box that finds a contact by its CRN or its meter point's MPRN (`q`: contact-filters.ts reads which it is). */
export function CrnOrMprnField({ value, onChange, errors }: { value: string; onChange: (value: string) => void; errors: readonly string[] }) {
  return (
    <Field field="q" label="CRN or MPRN" errors={errors}>
      {(props) => (
        <input
          {...props}
          className="input input--short"
          name="q"
          spellCheck={false}
          autoComplete="off"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
