import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { dataOf } from '../api/client';
import { ApiProblem } from '../api/problem';
import type { components } from '../api/schema';
import { useApp } from '../app-context';
import { ClarificationThreads } from '../contacts/clarification-threads';
import { CommandDone } from '../contacts/command-form';
import { ContactActions } from '../contacts/contact-actions';
import { contactDetailSections } from '../contacts/contact-details';
import { viewerOf } from '../contacts/contact-permissions';
import type { ContactWork } from '../contacts/contact-work';
import { describeHistoryEntry, WAITING_ITEM_NAMES } from '../contacts/contact-words';
import { SiteVisitsSection } from '../contacts/site-visits-section';
import { OverdueTag, StatusTag } from '../contacts/status-tag';
import { formatDate, formatDateTime } from '../format/dates';
import { useContactTypes, useMe, useNames } from '../reference-data';
import { paths } from '../routing/paths';
import { Link } from '../routing/router';
import { Page } from '../ui/page';
import { ProblemNotice } from '../ui/problem-notice';

type Contact = components['schemas']['ContactResponse'];

/** After a command, how long and how often the contact is read again: what the other services did reaches its timeline by event, a moment later. */
const FOLLOW_FOR_MS = 10_000;
const FOLLOW_EVERY_MS = 1_000;

/**
 * The one-screen contact view (docs/domain.md "Transparency"; GET /contacts/{crn}): its status,
 * what it waits on and by when, the actions this person may take, its clarification threads and
 * site visits with every message and answer, its details as logged, and its whole timeline.
 */
export function ContactScreen({ crn }: { crn: string }) {
  // Another contact is another screen: no form, notice or follow-up carries over.
  return <ContactWorkScreen key={crn} crn={crn} />;
}

function ContactWorkScreen({ crn }: { crn: string }) {
  const { api } = useApp();
  const queryClient = useQueryClient();
  const me = useMe();
  const [followUntil, setFollowUntil] = useState(0);
  const [openForm, setOpenForm] = useState<string>();
  const [done, setDone] = useState<{ message: string; at: number }>();
  const contact = useQuery({
    queryKey: ['contacts', crn],
    queryFn: () => dataOf(api.GET('/api/v1/contacts/{crn}', { params: { path: { crn } } })),
    refetchInterval: () => (Date.now() < followUntil ? FOLLOW_EVERY_MS : false),
  });
  // Clarifications and site-visits learn of a contact by event, a moment after it is logged: until then they hold none of it.
  const threads = useQuery({
    queryKey: ['contacts', crn, 'clarifications'],
    queryFn: () =>
      noneUntilKnown(dataOf(api.GET('/api/v1/contacts/{crn}/clarifications', { params: { path: { crn } } }))),
  });
  const visits = useQuery({
    queryKey: ['contacts', crn, 'site-visits'],
    queryFn: () => noneUntilKnown(dataOf(api.GET('/api/v1/contacts/{crn}/site-visits', { params: { path: { crn } } }))),
  });
  if (contact.error) {
    const problem = contact.error instanceof ApiProblem ? contact.error : ApiProblem.unreachable();
    return (
      <Page title={problem.status === 404 ? 'Contact not found' : `Contact ${crn}`}>
        <ProblemNotice
          problem={problem}
          heading={problem.status === 404 ? `No contact ${crn} for your organisation` : 'The contact could not be read'}
        />
        <p>
          <Link to={paths.contacts}>Back to my organisation's contacts</Link>
        </p>
      </Page>
    );
  }
  if (!contact.data || !me.data) {
    return (
      <Page title={`Contact ${crn}`}>
        <p role="status">Loading the contact…</p>
      </Page>
    );
  }
  const work: ContactWork = {
    crn,
    viewer: viewerOf(me.data),
    openForm,
    setOpenForm,
    refresh: () => {
      setFollowUntil(Date.now() + FOLLOW_FOR_MS);
      void queryClient.invalidateQueries({ queryKey: ['contacts'] });
      void queryClient.invalidateQueries({ queryKey: ['site-visits'] });
    },
    done: (message) => {
      setOpenForm(undefined);
      setDone({ message, at: Date.now() });
    },
  };
  return (
    <ContactView
      contact={contact.data}
      threads={threads.data?.items ?? []}
      // Unread, the site visits are none only once asking failed (then the API decides on a referral).
      visits={visits.data?.items ?? (visits.error ? [] : undefined)}
      problems={[threads.error, visits.error]}
      work={work}
      done={done}
    />
  );
}

/** A 404 from a service that has not yet heard of the contact: nothing of it there yet. */
async function noneUntilKnown<T>(read: Promise<{ items: T[] }>): Promise<{ items: T[] }> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return { items: [] };
    throw error;
  }
}

type Thread = components['schemas']['ClarificationWithMessagesResponse'];
type SiteVisit = components['schemas']['SiteVisitResponse'];

function ContactView({
  contact,
  threads,
  visits,
  problems,
  work,
  done,
}: {
  contact: Contact;
  threads: readonly Thread[];
  /** Undefined until read: whether a visit is open decides whether another may be referred. */
  visits: readonly SiteVisit[] | undefined;
  problems: unknown[];
  work: ContactWork;
  done?: { message: string; at: number };
}) {
  const names = useNames();
  const type = useContactTypes().data?.find((candidate) => candidate.type === contact.type);
  const typeName = type?.name;
  const closed = contact.status === 'RESOLVED' || contact.status === 'WITHDRAWN';
  return (
    <Page title={`Contact ${contact.crn}`}>
      <p>
        <StatusTag status={contact.status} /> {typeName ? `${typeName} (${contact.type})` : contact.type} on meter point{' '}
        {contact.mprn}
      </p>
      {done && <CommandDone key={done.at} message={done.message} />}
      {problems.map(
        (problem, index) =>
          problem instanceof ApiProblem && (
            <ProblemNotice
              key={index}
              problem={problem}
              heading={index === 0 ? 'The clarifications could not be read' : 'The site visits could not be read'}
            />
          ),
      )}
      {visits && <ContactActions contact={contact} visits={visits} work={work} />}
      <dl className="summary">
        <dt>Asks for</dt>
        <dd>
          {names.meterPointStatus(contact.requestedStatus)} (the register had it{' '}
          {names.meterPointStatus(contact.meterPointStatusAtLogging)} when it was logged)
        </dd>
        <dt>Logged</dt>
        <dd>
          {formatDateTime(contact.loggedAt)} by {contact.originatorUserId},{' '}
          {names.organisation(contact.originatorOrganisationId)}
        </dd>
        <dt>Transporter</dt>
        <dd>{names.organisation(contact.transporterOrganisationId)}</dd>
        {!closed && (
          <>
            <dt>Due for resolution</dt>
            <dd>
              {contact.dueOn ? formatDate(contact.dueOn) : 'Not yet set'}
              {contact.clockPausedOn &&
                ` (clock paused since ${formatDate(contact.clockPausedOn)}, waiting on the originator)`}
            </dd>
          </>
        )}
        <dt>Investigating agent</dt>
        <dd>{contact.investigatingAgentUserId ?? 'Not yet taken'}</dd>
        {contact.handlers.map((handler) => (
          <HandlerRow
            key={handler.organisationId}
            organisation={names.organisation(handler.organisationId)}
            userId={handler.userId}
          />
        ))}
        {contact.outcome && (
          <>
            <dt>Outcome</dt>
            <dd>
              {contact.outcome}
              {contact.outcomeReason && `: ${contact.outcomeReason}`}
              {contact.closedAutomatically && ' (closed automatically)'}
              {contact.outcomeNote && <span className="hint">{contact.outcomeNote}</span>}
            </dd>
          </>
        )}
        {contact.withdrawalReason && (
          <>
            <dt>Withdrawn because</dt>
            <dd>{contact.withdrawalReason}</dd>
          </>
        )}
        {contact.closedAt && (
          <>
            <dt>Closed</dt>
            <dd>
              {formatDateTime(contact.closedAt)}
              {contact.closedByUserId && ` by ${contact.closedByUserId}`}
            </dd>
          </>
        )}
        {contact.meterPointStatusAfter && (
          <>
            <dt>Meter point status now</dt>
            <dd>{names.meterPointStatus(contact.meterPointStatusAfter)}</dd>
          </>
        )}
      </dl>

      <h2>Waiting on</h2>
      {contact.waitingOn.length === 0 ? (
        <p>{closed ? 'Nothing: the contact is closed.' : 'No clarification or site visit is open.'}</p>
      ) : (
        <div className="table-wrapper">
          <table>
            <caption className="visually-hidden">What the contact waits on</caption>
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col">Whose turn</th>
                <th scope="col">Since</th>
                <th scope="col">Due</th>
              </tr>
            </thead>
            <tbody>
              {contact.waitingOn.map((item) => (
                <tr key={item.id}>
                  <td>{WAITING_ITEM_NAMES[item.type] ?? item.type}</td>
                  <td>{names.organisation(item.waitingOnOrganisationId)}</td>
                  <td>{formatDateTime(item.since)}</td>
                  <td>
                    {formatDate(item.dueOn)} {item.overdue && <OverdueTag />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>Clarifications</h2>
      <ClarificationThreads contact={contact} threads={threads} work={work} />

      <h2>Site visits</h2>
      <SiteVisitsSection visits={visits ?? []} work={work} />

      <h2>Details as logged</h2>
      {contactDetailSections(
        contact.details,
        type?.items.map((item) => item.field),
      ).map((section, index) => (
        <section key={section.heading ?? `general-${index}`} aria-label={section.heading}>
          {section.heading && <h3>{section.heading}</h3>}
          <dl className="summary">
            {section.rows.map((row) => (
              <Row key={row.label} label={row.label} value={row.value} />
            ))}
          </dl>
        </section>
      ))}

      <h2>History</h2>
      <ol className="timeline" aria-label="History, oldest first">
        {contact.history.map((entry, index) => {
          const described = describeHistoryEntry(entry, names);
          return (
            <li key={index}>
              <h3>{described.title}</h3>
              <p className="meta">
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> · {described.by}
              </p>
              {described.lines.map((line, lineIndex) => (
                <p key={lineIndex}>{line}</p>
              ))}
            </li>
          );
        })}
      </ol>
      <p>
        <Link to={paths.contacts}>Back to my organisation's contacts</Link>
      </p>
    </Page>
  );
}

function HandlerRow({ organisation, userId }: { organisation: string; userId: string }) {
  return <Row label={`Handled for ${organisation} by`} value={userId} />;
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}
