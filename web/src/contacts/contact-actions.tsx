import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { dataOf } from '../api/client';
import type { ProblemError } from '../api/problem';
import type { components } from '../api/schema';
import { useApp } from '../app-context';
import { useNames } from '../reference-data';
import { Choices } from '../ui/fields';
import { SelectField } from '../ui/select-field';
import { blank, CommandForm, CommandText, CommandToggle, Refusal, TextCommand, useCommand } from './command-form';
import { assigneesFor, contactActions, currentHolder } from './contact-permissions';
import { guardedBy, type ContactWork } from './contact-work';

type Contact = components['schemas']['ContactResponse'];
type SiteVisit = components['schemas']['SiteVisitResponse'];
type Outcome = components['schemas']['ResolveContactRequest']['outcome'];

/**
 * "What you can do" on the contact screen: the commands on the contact itself that this person may
 * give (contact-permissions.ts), each a form. Threads and site visits carry their own.
 */
export function ContactActions({ contact, visits, work }: { contact: Contact; visits: readonly SiteVisit[]; work: ContactWork }) {
  const actions = contactActions(work.viewer, contact, visits);
  const { organisation } = useNames();
  if (!Object.values(actions).some(Boolean)) return null;
  const toggle = (id: string) => ({
    id,
    open: work.openForm === id,
    setOpen: (open: boolean) => work.setOpenForm(open ? id : undefined),
  });
  return (
    <section className="commands" aria-labelledby="commands-heading">
      <h2 id="commands-heading">What you can do</h2>
      {actions.take && <TakeContact contact={contact} work={work} />}
      {actions.give && (
        <CommandToggle label="Give it to a colleague" {...toggle('give')}>
          {(close) => <GiveContact contact={contact} work={work} onCancel={close} />}
        </CommandToggle>
      )}
      {actions.raiseDc && (
        <CommandToggle label="Ask a data clarification (DC)" {...toggle('raise-dc')}>
          {(close) => <RaiseClarification kind="DC" contact={contact} work={work} onCancel={close} />}
        </CommandToggle>
      )}
      {actions.raiseOc && (
        <CommandToggle label="Ask the originator a clarification (OC)" {...toggle('raise-oc')}>
          {(close) => <RaiseClarification kind="OC" contact={contact} work={work} onCancel={close} />}
        </CommandToggle>
      )}
      {actions.refer && (
        <CommandToggle label={`Refer to ${organisation(contact.transporterOrganisationId)} for a site visit`} {...toggle('refer')}>
          {(close) => <ReferSiteVisit contact={contact} work={work} onCancel={close} />}
        </CommandToggle>
      )}
      {actions.resolve && (
        <CommandToggle label="Resolve the contact" {...toggle('resolve')}>
          {(close) => <ResolveContact contact={contact} work={work} onCancel={close} />}
        </CommandToggle>
      )}
      {actions.withdraw && (
        <CommandToggle label="Withdraw the contact" {...toggle('withdraw')}>
          {(close) => <WithdrawContact contact={contact} work={work} onCancel={close} />}
        </CommandToggle>
      )}
    </section>
  );
}

/** POST /contacts/{crn}/assign on the version read: the contact as it now stands. */
function useAssign(contact: Contact) {
  const { api } = useApp();
  return (request: { version: number; assigneeUserId?: string }, key: string) =>
    dataOf(
      api.POST('/api/v1/contacts/{crn}/assign', {
        params: { path: { crn: contact.crn }, header: guardedBy(request.version, key) },
        body: request.assigneeUserId ? { assigneeUserId: request.assigneeUserId } : {},
      }),
    );
}

/**
 * Taking the contact for my organisation's side, at one press: a CDSP agent takes it for
 * investigation, anyone else becomes its handler; a SUPERVISOR takes it over from a colleague.
 */
function TakeContact({ contact, work }: { contact: Contact; work: ContactWork }) {
  const { organisation } = useNames();
  const assign = useAssign(contact);
  const investigating = work.viewer.organisationType === 'CDSP';
  const holder = currentHolder(work.viewer, contact);
  const command = useCommand({
    formId: 'take',
    fields: [],
    prepare: () => ({ version: contact.version }),
    send: assign,
    refresh: work.refresh,
    done: () =>
      work.done(
        investigating ? 'You took the contact for investigation.' : `You handle the contact for ${organisation(work.viewer.organisationId)}.`,
      ),
  });
  const label = holder ? `Take it over from ${holder}` : investigating ? 'Take it for investigation' : `Take it for ${organisation(work.viewer.organisationId)}`;
  // Its refusal shows while no other form is open: one error summary on the screen at a time.
  const submit = (event: FormEvent) => {
    work.setOpenForm('take');
    command.submit(event);
  };
  return (
    <CommandForm command={{ ...command, submit, summary: work.openForm === 'take' && command.summary }} submitLabel={label} />
  );
}

/** A SUPERVISOR gives or transfers the contact to one of the organisation's active users who work contacts. */
function GiveContact({ contact, work, onCancel }: { contact: Contact; work: ContactWork; onCancel: () => void }) {
  const { api } = useApp();
  const assign = useAssign(contact);
  const [assignee, setAssignee] = useState('');
  const colleagues = useQuery({
    queryKey: ['users', 'colleagues'],
    queryFn: async () => {
      const users = [];
      let cursor: string | undefined;
      do {
        const page = await dataOf(api.GET('/api/v1/users', { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } }));
        users.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return users;
    },
  });
  const candidates = assigneesFor(work.viewer, colleagues.data ?? [], currentHolder(work.viewer, contact));
  const command = useCommand({
    formId: 'give',
    fields: ['assigneeUserId'],
    prepare: () =>
      assignee
        ? { version: contact.version, assigneeUserId: assignee }
        : new Refusal([{ code: 'VALIDATION_FAILED', field: 'assigneeUserId', message: 'Choose who to give the contact to.' }]),
    send: assign,
    refresh: work.refresh,
    done: (request) => work.done(`You gave the contact to ${request.assigneeUserId}.`),
  });
  return (
    <CommandForm command={command} submitLabel="Give the contact" onCancel={onCancel}>
      <SelectField
        field={command.fieldName('assigneeUserId')}
        label="Give it to"
        hint={colleagues.isPending ? 'Loading your colleagues…' : 'Your organisation’s active users who work contacts.'}
        errors={[...command.errorsOf('assigneeUserId'), ...(colleagues.error ? [colleagues.error.message] : [])]}
        value={assignee}
        onChange={setAssignee}
        blank="Choose a colleague"
        options={candidates.map((user) => ({ value: user.userId, label: `${user.displayName} (${user.userId})` }))}
      />
    </CommandForm>
  );
}

const OUTCOMES: { value: Outcome; label: string }[] = [
  { value: 'VALID', label: 'Valid' },
  { value: 'INVALID', label: 'Invalid' },
];

/** A CDSP agent resolves the contact VALID or INVALID, with a reason of the reference data and a note. */
function ResolveContact({ contact, work, onCancel }: { contact: Contact; work: ContactWork; onCancel: () => void }) {
  const { api } = useApp();
  const { meterPointStatus } = useNames();
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [reasonCode, setReasonCode] = useState('');
  const [note, setNote] = useState('');
  const reasons = useQuery({
    queryKey: ['resolution-reasons'],
    queryFn: () => dataOf(api.GET('/api/v1/resolution-reasons')),
    staleTime: 60 * 60 * 1000,
  });
  const offered = (reasons.data ?? []).filter((reason) => reason.outcome === outcome);
  const command = useCommand({
    formId: 'resolve',
    fields: ['outcome', 'reasonCode', 'note'],
    prepare: () => {
      const errors: ProblemError[] = [
        ...(outcome ? [] : [{ code: 'VALIDATION_FAILED', field: 'outcome', message: 'Choose the outcome.' }]),
        ...(outcome && !reasonCode ? [{ code: 'VALIDATION_FAILED', field: 'reasonCode', message: 'Choose the reason for the outcome.' }] : []),
      ];
      if (errors.length > 0 || !outcome) return new Refusal(errors);
      return { version: contact.version, outcome, reasonCode, note: note.trim() };
    },
    send: ({ version, ...body }, key) =>
      dataOf(
        api.POST('/api/v1/contacts/{crn}/resolution', {
          params: { path: { crn: contact.crn }, header: guardedBy(version, key) },
          body: body.note ? body : { outcome: body.outcome, reasonCode: body.reasonCode },
        }),
      ),
    refresh: work.refresh,
    done: (request) => work.done(`You resolved the contact ${request.outcome}.`),
  });
  return (
    <CommandForm command={command} submitLabel="Send the resolution" onCancel={onCancel}>
      <Choices
        field={command.fieldName('outcome')}
        legend="Outcome"
        hint={`Valid sets the meter point to ${meterPointStatus(contact.requestedStatus)} in the register, if it still has the status it was logged against.`}
        errors={command.errorsOf('outcome')}
        choices={OUTCOMES}
        value={outcome}
        onChange={(chosen) => {
          setOutcome(chosen as Outcome);
          setReasonCode('');
        }}
      />
      {outcome && (
        <SelectField
          field={command.fieldName('reasonCode')}
          label="Reason"
          errors={command.errorsOf('reasonCode')}
          value={reasonCode}
          onChange={setReasonCode}
          blank="Choose a reason"
          options={offered.map((reason) => ({ value: reason.code, label: reason.label }))}
        />
      )}
      <CommandText command={command} field="note" label="Note" hint="Shown on the contact to everyone involved." optional lines={4} value={note} onChange={setNote} />
    </CommandForm>
  );
}

/** The originator's organisation withdraws the open contact, with a reason. */
function WithdrawContact({ contact, work, onCancel }: { contact: Contact; work: ContactWork; onCancel: () => void }) {
  const { api } = useApp();
  return (
    <TextCommand
      formId="withdraw"
      field="reason"
      label="Why it is withdrawn"
      lines={3}
      whenBlank="Say why the contact is withdrawn."
      submitLabel="Send the withdrawal"
      version={contact.version}
      send={(reason, header) =>
        dataOf(api.POST('/api/v1/contacts/{crn}/withdrawal', { params: { path: { crn: contact.crn }, header }, body: { reason } }))
      }
      work={work}
      doneMessage="You withdrew the contact. Its open clarifications are closed and its site visit cancelled."
      onCancel={onCancel}
    />
  );
}

type Addressee = components['schemas']['RaiseClarificationRequest']['addressedTo'];

/**
 * A question that opens a thread: a DC from the CDSP to the originator or the transporter, or an
 * OC from the transporter to the originator.
 */
function RaiseClarification({
  kind,
  contact,
  work,
  onCancel,
}: {
  kind: 'DC' | 'OC';
  contact: Contact;
  work: ContactWork;
  onCancel: () => void;
}) {
  const { api } = useApp();
  const { organisation } = useNames();
  const [addressedTo, setAddressedTo] = useState<Addressee | ''>(kind === 'OC' ? 'ORIGINATOR' : '');
  const [question, setQuestion] = useState('');
  const whom = (addressee: Addressee) =>
    organisation(addressee === 'ORIGINATOR' ? contact.originatorOrganisationId : contact.transporterOrganisationId);
  const command = useCommand({
    formId: `raise-${kind.toLowerCase()}`,
    fields: ['addressedTo', 'question'],
    prepare: () => {
      const errors = [
        ...(addressedTo ? [] : [{ code: 'VALIDATION_FAILED', field: 'addressedTo', message: 'Choose whom to ask.' }]),
        ...blank('question', question, 'Enter the question.'),
      ];
      if (errors.length > 0 || !addressedTo) return new Refusal(errors);
      return { kind, addressedTo, question: question.trim() };
    },
    send: (body, key) =>
      dataOf(
        api.POST('/api/v1/contacts/{crn}/clarifications', {
          params: { path: { crn: contact.crn }, header: { 'Idempotency-Key': key } },
          body,
        }),
      ),
    refresh: work.refresh,
    done: (request) => work.done(`You asked ${whom(request.addressedTo)} a ${kind}: it is their turn to answer.`),
  });
  return (
    <CommandForm command={command} submitLabel={kind === 'DC' ? 'Ask the data clarification' : 'Ask the originator'} onCancel={onCancel}>
      {kind === 'DC' && (
        <Choices
          field={command.fieldName('addressedTo')}
          legend="Whom to ask"
          errors={command.errorsOf('addressedTo')}
          choices={[
            { value: 'ORIGINATOR', label: `The originator, ${whom('ORIGINATOR')}` },
            { value: 'STAKEHOLDER', label: `The transporter, ${whom('STAKEHOLDER')}` },
          ]}
          value={addressedTo}
          onChange={(chosen) => setAddressedTo(chosen as Addressee)}
        />
      )}
      <CommandText
        command={command}
        field="question"
        label="Question"
        hint={kind === 'OC' ? `Asked of the originator, ${whom('ORIGINATOR')}.` : undefined}
        lines={4}
        value={question}
        onChange={setQuestion}
      />
    </CommandForm>
  );
}

/** A CDSP agent refers the contact to its meter point's transporter, to visit and confirm the status it asks for. */
function ReferSiteVisit({ contact, work, onCancel }: { contact: Contact; work: ContactWork; onCancel: () => void }) {
  const { api } = useApp();
  const { organisation, meterPointStatus } = useNames();
  const [instructions, setInstructions] = useState('');
  const command = useCommand({
    formId: 'refer',
    fields: ['instructions'],
    prepare: () => (instructions.trim() ? { instructions: instructions.trim() } : {}),
    send: (body, key) =>
      dataOf(
        api.POST('/api/v1/contacts/{crn}/site-visits', {
          params: { path: { crn: contact.crn }, header: { 'Idempotency-Key': key } },
          body,
        }),
      ),
    refresh: work.refresh,
    done: () => work.done(`You referred the contact to ${organisation(contact.transporterOrganisationId)} for a site visit.`),
  });
  return (
    <CommandForm command={command} submitLabel="Refer for a site visit" onCancel={onCancel}>
      <p className="hint">
        The visit is to confirm the meter point is {meterPointStatus(contact.requestedStatus)}. The transporter gets the
        supply address, any alternative address, the originator’s contact details and the evidence.
      </p>
      <CommandText
        command={command}
        field="instructions"
        label="What to look at on site"
        optional
        lines={4}
        value={instructions}
        onChange={setInstructions}
      />
    </CommandForm>
  );
}
