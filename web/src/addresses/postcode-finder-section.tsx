import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dataOf } from '../api/client';
import { ApiProblem } from '../api/problem';
import { useApp } from '../app-context';
import { controlId, ErrorMessages, Field } from '../ui/fields';
import { TraceId } from '../ui/problem-notice';
import { ADDRESS_FIELDS, choose, edit, isChosenUnchanged, type AlternativeAddressState } from './postcode-finder';

/**
 * The alternative address of a contact (docs/domain.md "Postal addresses"): a postcode looked up
 * (GET /addresses?postcode=), one of its delivery points chosen, which fills the address fields;
 * or the fields typed by hand. A malformed postcode is the API's 400, shown by the postcode.
 * `errorsOn` gives the reasons a submission was refused on `alternativeAddress.*`.
 */
export function PostcodeFinder({
  state,
  onChange,
  errorsOn,
}: {
  state: AlternativeAddressState;
  onChange: (state: AlternativeAddressState) => void;
  errorsOn: (field: string) => string[];
}) {
  const { api } = useApp();
  const [postcode, setPostcode] = useState('');
  const [asked, setAsked] = useState<string>();
  const [blank, setBlank] = useState(false);
  const [udprn, setUdprn] = useState('');
  const lookup = useQuery({
    queryKey: ['addresses', asked],
    queryFn: () => dataOf(api.GET('/api/v1/addresses', { params: { query: { postcode: asked! } } })),
    enabled: asked !== undefined,
    staleTime: 5 * 60 * 1000,
  });
  const problem =
    lookup.error instanceof ApiProblem ? lookup.error : lookup.error ? ApiProblem.unreachable() : undefined;
  const find = () => {
    setBlank(postcode.trim() === '');
    if (postcode.trim() !== '') {
      setAsked(postcode.trim());
      setUdprn('');
    }
  };
  const postcodeErrors = [
    ...(blank ? ['Enter a postcode to find its addresses.'] : []),
    ...(problem ? (problem.errors.length > 0 ? problem.errors.map((error) => error.message) : [problem.message]) : []),
  ];
  const found = lookup.data;
  const blockErrors = errorsOn('alternativeAddress');

  return (
    <fieldset>
      <legend>Alternative address (optional)</legend>
      <p className="hint">
        Where the originator believes the supply point is, if not the supply address above. Find it by its postcode, or
        type it.
      </p>
      <Field field="finder-postcode" label="Postcode to find" hint="For example, PR2 9QZ." errors={postcodeErrors}>
        {(props) => (
          <div className="input-with-button">
            <input
              {...props}
              className="input input--short"
              name="finderPostcode"
              autoComplete="off"
              spellCheck={false}
              value={postcode}
              onChange={(event) => setPostcode(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  find();
                }
              }}
            />
            <button type="button" className="button button--secondary" onClick={find} disabled={lookup.isFetching}>
              Find address
            </button>
          </div>
        )}
      </Field>
      {problem && <TraceId problem={problem} />}
      <div aria-live="polite">
        {found &&
          asked !== undefined &&
          (found.items.length === 0 ? (
            <p>No addresses at {found.postcode}. Check the postcode, or type the address below.</p>
          ) : (
            <Field field="finder-address" label={`Addresses at ${found.postcode} (${found.items.length})`}>
              {(props) => (
                <div className="input-with-button">
                  <select
                    {...props}
                    className="select"
                    value={udprn}
                    onChange={(event) => setUdprn(event.target.value)}
                  >
                    <option value="">Choose the address</option>
                    {found.items.map((address) => (
                      <option key={address.udprn} value={address.udprn}>
                        {address.label}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={udprn === ''}
                    onClick={() => {
                      const address = found.items.find((item) => item.udprn === udprn);
                      if (address) onChange(choose(address));
                    }}
                  >
                    Use this address
                  </button>
                </div>
              )}
            </Field>
          ))}
        {isChosenUnchanged(state) && (
          <p className="notice">
            The address below is the delivery point chosen: it is sent by its Royal Mail reference.
          </p>
        )}
      </div>
      <ErrorMessages id={`${controlId('alternativeAddress')}-error`} errors={blockErrors} />
      <div className="address-fields" id={controlId('alternativeAddress')} tabIndex={-1}>
        {ADDRESS_FIELDS.map(({ field, label }) => (
          <Field
            key={field}
            field={`alternativeAddress.${field}`}
            label={label}
            errors={errorsOn(`alternativeAddress.${field}`)}
          >
            {(props) => (
              <input
                {...props}
                className={field === 'postcode' || field === 'buildingNumber' ? 'input input--short' : 'input'}
                name={`alternativeAddress.${field}`}
                autoComplete="off"
                value={state.values[field]}
                onChange={(event) => onChange(edit(state, field, event.target.value))}
              />
            )}
          </Field>
        ))}
      </div>
    </fieldset>
  );
}
