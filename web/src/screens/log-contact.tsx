import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { dataOf } from '../api/client';
import { ApiProblem, type ProblemError } from '../api/problem';
import type { components } from '../api/schema';
import { useApp } from '../app-context';
import {
  alternativeAddressOf,
  EMPTY_ADDRESS,
  typedAddressProblems,
  type AlternativeAddressState,
} from '../addresses/postcode-finder';
import { PostcodeFinder } from '../addresses/postcode-finder-section';
import { newIdempotencyKey } from '../contacts/idempotency-key';
import {
  choiceLabel,
  dateParts,
  formSections,
  joinDateParts,
  missingItems,
  submissionOf,
  type ContactType,
  type FormItem,
  type FormValues,
} from '../contacts/log-contact-form';
import { formatDateTime } from '../format/dates';
import { useContactTypes, useNames } from '../reference-data';
import { paths } from '../routing/paths';
import { Link } from '../routing/router';
import { Dialog } from '../ui/dialog';
import { Choices, controlId, DateField, ErrorMessages, Field } from '../ui/fields';
import { Page } from '../ui/page';
import { ErrorSummary, ProblemNotice, TraceId, type SummaryItem } from '../ui/problem-notice';

type MeterPoint = components['schemas']['MeterPointResponse'];
type ContactLogged = components['schemas']['ContactLoggedResponse'];

/** What is wrong with the form: each reason on its field where it has one, and the API's problem if it answered. */
interface Refusal {
  errors: readonly ProblemError[];
  problem?: ApiProblem;
  /** Which attempt it answers: each shows its summary afresh. */
  attempt: number;
}

/**
 * "Log a contact" (docs/domain.md "Logging"): the MPRN looked up in the register, the type, the
 * items the API says the type needs; then the pop-up with the CRN, or every reason it was refused
 * by its field.
 */
export function LogContactScreen() {
  const { api } = useApp();
  const [mprn, setMprn] = useState('');
  const [lookedUp, setLookedUp] = useState<string>();
  const [type, setType] = useState<ContactType['type']>();
  const [values, setValues] = useState<FormValues>({});
  const [address, setAddress] = useState<AlternativeAddressState>({ values: EMPTY_ADDRESS });
  const [refusal, setRefusal] = useState<Refusal>();
  const [logged, setLogged] = useState<ContactLogged>();
  const attempt = useRef<{ body: string; key: string }>(undefined);
  const types = useContactTypes();
  const definition = useQuery({
    queryKey: ['contact-types', type],
    queryFn: () => dataOf(api.GET('/api/v1/contact-types/{type}', { params: { path: { type: type! } } })),
    enabled: type !== undefined,
    staleTime: 60 * 60 * 1000,
  });
  const meterPoint = useQuery({
    queryKey: ['meter-points', lookedUp],
    queryFn: () => dataOf(api.GET('/api/v1/meter-points/{mprn}', { params: { path: { mprn: lookedUp! } } })),
    enabled: lookedUp !== undefined,
  });
  const submit = useMutation({
    mutationFn: ({ body, key }: { body: components['schemas']['LogContactRequest']; key: string }) =>
      dataOf(api.POST('/api/v1/contacts', { body, params: { header: { 'Idempotency-Key': key } } })),
    onSuccess: (answer) => {
      setRefusal(undefined);
      setLogged(answer);
    },
    onError: (error) => {
      const problem = error instanceof ApiProblem ? error : ApiProblem.unreachable();
      setRefusal({ errors: problem.errors, problem, attempt: Date.now() });
    },
  });

  const lookUp = () => {
    setLookedUp(mprn.trim());
  };
  const send = (event: FormEvent) => {
    event.preventDefault();
    const chosen = definition.data;
    const missing: ProblemError[] = [
      ...(mprn.trim() ? [] : [{ code: 'MANDATORY_FIELD', field: 'mprn', message: 'Enter the MPRN.' }]),
      ...(chosen
        ? [
            ...missingItems(chosen, values),
            ...typedAddressProblems(chosen, address).map((problem) => ({ code: 'MANDATORY_FIELD', ...problem })),
          ]
        : [{ code: 'MANDATORY_FIELD', field: 'type', message: 'Choose the type of contact.' }]),
    ];
    if (missing.length > 0 || !chosen) {
      setRefusal({ errors: missing, attempt: Date.now() });
      return;
    }
    const alternativeAddress = alternativeAddressOf(address);
    const body = { ...submissionOf(chosen, mprn, values), ...(alternativeAddress ? { alternativeAddress } : {}) };
    // The same submission sent again (a retry) keeps its key, so it cannot log a second contact.
    const text = JSON.stringify(body);
    if (attempt.current?.body !== text) attempt.current = { body: text, key: newIdempotencyKey() };
    submit.mutate({ body, key: attempt.current.key });
  };
  const startAgain = () => {
    setLogged(undefined);
    setMprn('');
    setLookedUp(undefined);
    setType(undefined);
    setValues({});
    setAddress({ values: EMPTY_ADDRESS });
    setRefusal(undefined);
    attempt.current = undefined;
  };

  const sections = definition.data ? formSections(definition.data) : [];
  const fields = sections.flatMap((section) => section.items.map((item) => item.field));
  const errorsOn = (field: string) =>
    (refusal?.errors ?? []).filter((error) => error.field === field).map((error) => error.message);
  // A reason on a field the form shows goes by it; on a section (`originatorContact`), by its first field; else at the top only.
  const targetOf = (field: string | undefined): string | undefined => {
    if (field === 'mprn' || field === 'type') return controlId(field);
    // The alternative address's fields are the postcode finder's; a reason on the block (or its UDPRN) goes to the block.
    if (field?.startsWith('alternativeAddress.') && field !== 'alternativeAddress.udprn') return controlId(field);
    if (field === 'alternativeAddress' || field === 'alternativeAddress.udprn') return controlId('alternativeAddress');
    if (field && fields.includes(field)) return controlId(field);
    const section = sections.find((candidate) => candidate.path && candidate.path === field);
    return section ? controlId(section.items[0].field) : undefined;
  };
  const summaryItems: SummaryItem[] = (refusal?.errors ?? []).map((error) => ({
    message: error.message,
    target: targetOf(error.field),
  }));
  const isRejection = refusal?.problem === undefined || refusal.problem.errors.length > 0;
  const lookupProblem = meterPoint.error instanceof ApiProblem ? meterPoint.error : undefined;

  return (
    <Page
      title="Log a contact"
      lede="A Dead to Live (DTL) or Isolation (ISO) contact about a meter point your organisation supplies."
    >
      {refusal && isRejection && <ErrorSummary key={refusal.attempt} items={summaryItems} problem={refusal.problem} />}
      {refusal?.problem && !isRejection && (
        <ProblemNotice problem={refusal.problem} heading="The contact was not logged" />
      )}
      <form onSubmit={send} noValidate>
        <h2>Meter point</h2>
        <Field
          field="mprn"
          label="MPRN"
          hint="The Meter Point Reference Number: up to 10 digits."
          errors={[...errorsOn('mprn'), ...(lookupProblem && lookedUp === mprn.trim() ? [lookupProblem.message] : [])]}
        >
          {(props) => (
            <div className="input-with-button">
              <input
                {...props}
                className="input input--short"
                name="mprn"
                inputMode="numeric"
                autoComplete="off"
                spellCheck={false}
                value={mprn}
                onChange={(event) => setMprn(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    event.preventDefault();
                    lookUp();
                  }
                }}
              />
              <button
                type="button"
                className="button button--secondary"
                onClick={lookUp}
                disabled={meterPoint.isFetching}
              >
                Find meter point
              </button>
            </div>
          )}
        </Field>
        {lookupProblem && lookedUp === mprn.trim() && <TraceId problem={lookupProblem} />}
        {meterPoint.data && lookedUp === mprn.trim() && <MeterPointSummary meterPoint={meterPoint.data} />}

        <h2>Contact</h2>
        {types.error instanceof ApiProblem && (
          <ProblemNotice problem={types.error} heading="The contact types could not be read" />
        )}
        <Choices
          field="type"
          legend="Type of contact"
          errors={errorsOn('type')}
          choices={(types.data ?? []).map((candidate) => ({
            value: candidate.type,
            label: `${candidate.name} (${candidate.type})`,
          }))}
          value={type ?? ''}
          onChange={(chosen) => setType(chosen as ContactType['type'])}
        />
        {definition.data && <p className="hint">{definition.data.purpose}</p>}
        {definition.error instanceof ApiProblem && (
          <ProblemNotice problem={definition.error} heading="The items of this type could not be read" />
        )}
        {sections.map((section) => {
          const fields = section.items.map((item) => (
            <ItemField
              key={item.field}
              item={item}
              values={values}
              setValues={setValues}
              errors={errorsOn(item.field)}
            />
          ));
          return section.legend ? (
            <fieldset key={section.path}>
              <legend>{section.legend}</legend>
              <ErrorMessages id={`${controlId(section.path)}-error`} errors={errorsOn(section.path)} />
              {fields}
            </fieldset>
          ) : (
            fields
          );
        })}
        {definition.data && (
          <PostcodeFinder
            state={address}
            onChange={setAddress}
            errorsOn={(field) =>
              field === 'alternativeAddress'
                ? [...errorsOn('alternativeAddress'), ...errorsOn('alternativeAddress.udprn')]
                : errorsOn(field)
            }
          />
        )}
        <div className="button-group">
          <button className="button" type="submit" disabled={submit.isPending || !definition.data}>
            Log contact
          </button>
        </div>
      </form>
      <Dialog title="Contact logged" open={logged !== undefined} onClose={startAgain}>
        {logged && (
          <>
            <p>The contact reference number is</p>
            <p className="crn" data-crn={logged.crn}>
              {logged.crn}
            </p>
            <p>Logged {formatDateTime(logged.loggedAt)}. Quote the CRN in anything about this contact.</p>
            <div className="button-group">
              <Link className="button" to={paths.contact(logged.crn)}>
                View the contact
              </Link>
              <button type="button" className="button button--secondary" onClick={startAgain}>
                Log another contact
              </button>
            </div>
          </>
        )}
      </Dialog>
    </Page>
  );
}

function ItemField({
  item,
  values,
  setValues,
  errors,
}: {
  item: FormItem;
  values: FormValues;
  setValues: (values: FormValues) => void;
  errors: string[];
}) {
  const { meterPointStatus } = useNames();
  const value = values[item.field] ?? '';
  const set = (next: string) => setValues({ ...values, [item.field]: next });
  const label = item.required ? item.label : `${item.label} (optional)`;
  if (item.input === 'date') {
    return (
      <DateField
        field={item.field}
        legend={label}
        hint={item.hint}
        errors={errors}
        value={dateParts(value)}
        onChange={(parts) => set(joinDateParts(parts))}
      />
    );
  }
  if (item.input === 'choice' && item.choices) {
    // Meter point statuses by their register names (Dead, Live); any other choice from its code.
    const choiceName = (choice: string) =>
      item.field === 'requestedStatus' ? `${meterPointStatus(choice)} (${choice})` : choiceLabel(choice);
    return (
      <Choices
        field={item.field}
        legend={label}
        hint={item.hint}
        errors={errors}
        choices={item.choices.map((choice) => ({ value: choice, label: choiceName(choice) }))}
        value={value}
        onChange={set}
      />
    );
  }
  return (
    <Field field={item.field} label={label} hint={item.hint} errors={errors}>
      {(props) =>
        item.input === 'textarea' ? (
          <textarea
            {...props}
            className="textarea"
            name={item.field}
            rows={5}
            value={value}
            onChange={(event) => set(event.target.value)}
          />
        ) : (
          <input
            {...props}
            className={item.input === 'numeric' ? 'input input--short' : 'input'}
            name={item.field}
            type={item.input === 'numeric' ? 'text' : item.input}
            inputMode={item.input === 'numeric' ? 'numeric' : undefined}
            autoComplete={item.autoComplete}
            spellCheck={item.input === 'text' ? false : undefined}
            value={value}
            onChange={(event) => set(event.target.value)}
          />
        )
      }
    </Field>
  );
}

function MeterPointSummary({ meterPoint }: { meterPoint: MeterPoint }) {
  const { organisation } = useNames();
  return (
    <div className="panel" aria-live="polite">
      <h3>Meter point {meterPoint.mprn}</h3>
      {!meterPoint.checkDigitsConsistent && (
        <div className="notice notice--warning">
          <p>The check digits of this MPRN do not match: make sure it is the meter point you mean.</p>
        </div>
      )}
      <dl className="summary">
        <dt>Status</dt>
        <dd>
          {meterPoint.status.name} ({meterPoint.status.code}){meterPoint.isolated ? ', isolated' : ''}
        </dd>
        <dt>Transporter</dt>
        <dd>{organisation(meterPoint.transporter.organisationId)}</dd>
        <dt>LDZ</dt>
        <dd>{meterPoint.ldz}</dd>
        <dt>Supply address</dt>
        <dd>{meterPoint.addressLabel}</dd>
        <dt>Registered shipper</dt>
        <dd>
          {meterPoint.registeredShipper ? organisation(meterPoint.registeredShipper.organisationId) : 'None registered'}
        </dd>
      </dl>
    </div>
  );
}
