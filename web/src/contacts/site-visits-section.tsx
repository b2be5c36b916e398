import { useState, type FormEvent } from 'react';
import { dataOf } from '../api/client';
import type { ProblemError } from '../api/problem';
import type { components } from '../api/schema';
import { useApp } from '../app-context';
import { formatDate, formatDateTime, londonToday } from '../format/dates';
import { useNames } from '../reference-data';
import { SITE_VISIT_STATUS_NAMES } from '../site-visits/referral-filters';
import { Choices, DateField } from '../ui/fields';
import { blank, CommandForm, CommandText, CommandToggle, Refusal, TextCommand, useCommand } from './command-form';
import { addressText } from './contact-details';
import { visitActions } from './contact-permissions';
import { guardedBy, type ContactWork } from './contact-work';
import { dateParts, isoDateOf, joinDateParts } from './log-contact-form';
import { OverdueTag } from './status-tag';

type SiteVisit = components['schemas']['SiteVisitResponse'];

/**
 * The contact's site visits (GET /contacts/{crn}/site-visits), oldest referral first: what the
 * transporter was asked to confirm and by when, its answer and its finding; and the answer and
 * finding the transporter's people may give.
 */
export function SiteVisitsSection({ visits, work }: { visits: readonly SiteVisit[]; work: ContactWork }) {
  if (visits.length === 0) return <p>No site visit has been referred.</p>;
  return (
    <ol className="threads">
      {visits.map((visit) => (
        <li key={visit.id}>
          <VisitView visit={visit} work={work} />
        </li>
      ))}
    </ol>
  );
}

function VisitView({ visit, work }: { visit: SiteVisit; work: ContactWork }) {
  const { organisation, meterPointStatus } = useNames();
  const actions = visitActions(work.viewer, visit);
  const open = visit.status === 'REFERRED' || visit.status === 'ACCEPTED';
  const headingId = `visit-${visit.id}`;
  const toggle = (action: string) => {
    const id = `${action}-${visit.id}`;
    return { id, open: work.openForm === id, setOpen: (shown: boolean) => work.setOpenForm(shown ? id : undefined) };
  };
  const { details, acceptance, finding, cancellation } = visit;
  return (
    <article className="thread" aria-labelledby={headingId}>
      <h3 id={headingId}>Site visit referred to {organisation(visit.transporterOrganisationId)}</h3>
      <dl className="summary">
        <dt>Status</dt>
        <dd>{SITE_VISIT_STATUS_NAMES[visit.status] ?? visit.status}</dd>
        <dt>To confirm</dt>
        <dd>The meter point is {meterPointStatus(visit.confirmStatus)}</dd>
        <dt>Referred</dt>
        <dd>
          <time dateTime={visit.referredAt}>{formatDateTime(visit.referredAt)}</time> by {visit.referredByUserId}
        </dd>
        {open && (
          <>
            <dt>Finding due</dt>
            <dd>
              {formatDate(visit.dueOn)} {visit.overdue && <OverdueTag />}
            </dd>
          </>
        )}
        {visit.instructions && (
          <>
            <dt>Instructions</dt>
            <dd className="message-text">{visit.instructions}</dd>
          </>
        )}
        {details.supplyAddress && (
          <>
            <dt>Supply address</dt>
            <dd>{addressText(details.supplyAddress)}</dd>
          </>
        )}
        {details.alternativeAddress && (
          <>
            <dt>Alternative address</dt>
            <dd>{addressText(details.alternativeAddress)}</dd>
          </>
        )}
        <dt>Originator’s contact</dt>
        <dd>{[details.originatorContact.name, details.originatorContact.telephone, details.originatorContact.email].filter(Boolean).join(', ')}</dd>
        {acceptance && (
          <>
            <dt>{acceptance.accepted ? 'Accepted' : 'Declined'}</dt>
            <dd>
              <time dateTime={acceptance.at}>{formatDateTime(acceptance.at)}</time> by {acceptance.byUserId}
              {acceptance.reason && `: ${acceptance.reason}`}
            </dd>
          </>
        )}
        {finding && (
          <>
            <dt>Finding</dt>
            <dd>
              <strong>{finding.confirmed ? 'Confirmed' : 'Not confirmed'}</strong>: visited {formatDate(finding.visitedOn)},
              reported <time dateTime={finding.at}>{formatDateTime(finding.at)}</time> by {finding.byUserId}
              <span className="message-text">{finding.notes}</span>
              {[
                finding.condition && `Condition: ${finding.condition}`,
                finding.meterSerialNumber && `Meter serial number ${finding.meterSerialNumber}`,
                finding.meterRead && `Meter read ${finding.meterRead}`,
              ]
                .filter(Boolean)
                .map((line) => (
                  <span className="hint" key={line as string}>
                    {line}
                  </span>
                ))}
            </dd>
          </>
        )}
        {cancellation && (
          <>
            <dt>Cancelled</dt>
            <dd>
              <time dateTime={cancellation.at}>{formatDateTime(cancellation.at)}</time>:{' '}
              {cancellation.cause === 'CONTACT_RESOLVED' ? 'the contact was resolved' : 'the contact was withdrawn'}
            </dd>
          </>
        )}
      </dl>
      {(actions.answer || actions.recordFinding) && (
        <div className="thread__commands">
          {actions.answer && <AcceptVisit visit={visit} work={work} />}
          {actions.answer && (
            <CommandToggle label="Decline the site visit" {...toggle('decline')}>
              {(close) => <DeclineVisit visit={visit} work={work} onCancel={close} />}
            </CommandToggle>
          )}
          {actions.recordFinding && (
            <CommandToggle label="Record the finding" {...toggle('finding')}>
              {(close) => <RecordFinding visit={visit} work={work} onCancel={close} />}
            </CommandToggle>
          )}
        </div>
      )}
    </article>
  );
}

/** POST /site-visits/{id}/acceptance: accepted, or declined with a reason. */
function useAnswer(visit: SiteVisit) {
  const { api } = useApp();
  return (body: { accepted: true } | { accepted: false; reason: string }, header: ReturnType<typeof guardedBy>) =>
    dataOf(api.POST('/api/v1/site-visits/{id}/acceptance', { params: { path: { id: visit.id }, header }, body }));
}

/** The transporter accepts the visit at one press; the finding is then due. */
function AcceptVisit({ visit, work }: { visit: SiteVisit; work: ContactWork }) {
  const formId = `accept-${visit.id}`;
  const answer = useAnswer(visit);
  const command = useCommand({
    formId,
    fields: [],
    prepare: () => ({ version: visit.version }),
    send: ({ version }, key) => answer({ accepted: true }, guardedBy(version, key)),
    refresh: work.refresh,
    done: () => work.done(`You accepted the site visit: its finding is due by ${formatDate(visit.dueOn)}.`),
  });
  const submit = (event: FormEvent) => {
    work.setOpenForm(formId);
    command.submit(event);
  };
  return (
    <CommandForm
      command={{ ...command, submit, summary: work.openForm === formId && command.summary }}
      submitLabel="Accept the site visit"
    />
  );
}

/** The transporter declines, with a reason: the visit returns to the agent, who may refer again. */
function DeclineVisit({ visit, work, onCancel }: { visit: SiteVisit; work: ContactWork; onCancel: () => void }) {
  const answer = useAnswer(visit);
  return (
    <TextCommand
      formId={`decline-${visit.id}`}
      field="reason"
      label="Why it is declined"
      lines={3}
      whenBlank="Say why the site visit is declined: the agent reads it."
      submitLabel="Send the decline"
      version={visit.version}
      send={(reason, header) => answer({ accepted: false, reason }, header)}
      work={work}
      doneMessage="You declined the site visit: it returns to the agent."
      onCancel={onCancel}
    />
  );
}

/** What the visit found: confirmed or not, the day of the visit, what was seen, notes. */
function RecordFinding({ visit, work, onCancel }: { visit: SiteVisit; work: ContactWork; onCancel: () => void }) {
  const { api } = useApp();
  const { meterPointStatus } = useNames();
  const [confirmed, setConfirmed] = useState('');
  const [visitedOn, setVisitedOn] = useState('');
  const [notes, setNotes] = useState('');
  const [condition, setCondition] = useState('');
  const [meterSerialNumber, setMeterSerialNumber] = useState('');
  const [meterRead, setMeterRead] = useState('');
  const command = useCommand({
    formId: `finding-${visit.id}`,
    fields: ['confirmed', 'visitedOn', 'notes', 'condition', 'meterSerialNumber', 'meterRead'],
    prepare: () => {
      const parts = Object.values(dateParts(visitedOn));
      const errors: ProblemError[] = [
        ...(confirmed ? [] : [{ code: 'VALIDATION_FAILED', field: 'confirmed', message: 'Say whether the visit confirms the status.' }]),
        ...(visitedOn === ''
          ? [{ code: 'VALIDATION_FAILED', field: 'visitedOn', message: 'Enter the day of the visit.' }]
          : parts.some((part) => part === '')
            ? [{ code: 'VALIDATION_FAILED', field: 'visitedOn', message: 'The day of the visit must have a day, a month and a year.' }]
            : []),
        ...blank('notes', notes, 'Say what was found on site.'),
      ];
      if (errors.length > 0) return new Refusal(errors);
      const optional = (value: string) => (value.trim() ? value.trim() : undefined);
      return {
        version: visit.version,
        confirmed: confirmed === 'yes',
        visitedOn: isoDateOf(visitedOn),
        notes: notes.trim(),
        condition: optional(condition),
        meterSerialNumber: optional(meterSerialNumber),
        meterRead: optional(meterRead),
      };
    },
    send: ({ version, ...body }, key) =>
      dataOf(
        api.POST('/api/v1/site-visits/{id}/finding', {
          params: { path: { id: visit.id }, header: guardedBy(version, key) },
          body,
        }),
      ),
    refresh: work.refresh,
    done: () => work.done('You recorded the finding: the agent has it.'),
  });
  const status = meterPointStatus(visit.confirmStatus);
  return (
    <CommandForm command={command} submitLabel="Send the finding" onCancel={onCancel}>
      <Choices
        field={command.fieldName('confirmed')}
        legend={`Is the meter point ${status}?`}
        errors={command.errorsOf('confirmed')}
        choices={[
          { value: 'yes', label: `Yes: confirmed ${status}` },
          { value: 'no', label: `No: not ${status}` },
        ]}
        value={confirmed}
        onChange={setConfirmed}
      />
      <DateField
        field={command.fieldName('visitedOn')}
        legend="Day of the visit"
        hint={`Not in the future, nor before the referral (${formatDate(londonToday(new Date(visit.referredAt)))}). For example, 27 3 2026.`}
        errors={command.errorsOf('visitedOn')}
        value={dateParts(visitedOn)}
        onChange={(parts) => setVisitedOn(joinDateParts(parts))}
      />
      <CommandText command={command} field="notes" label="What was found on site" lines={4} value={notes} onChange={setNotes} />
      <CommandText
        command={command}
        field="condition"
        label="The meter’s condition"
        hint="For example: capped, clamped, removed, in use."
        optional
        value={condition}
        onChange={setCondition}
      />
      <CommandText
        command={command}
        field="meterSerialNumber"
        label="Meter serial number"
        hint="Letters, digits and hyphens, up to 20."
        optional
        value={meterSerialNumber}
        onChange={setMeterSerialNumber}
      />
      <CommandText
        command={command}
        field="meterRead"
        label="Meter read"
        hint="Its digits, up to 12."
        optional
        value={meterRead}
        onChange={setMeterRead}
      />
    </CommandForm>
  );
}
