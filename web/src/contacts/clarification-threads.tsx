import { dataOf } from '../api/client';
import type { components } from '../api/schema';
import { useApp } from '../app-context';
import { formatDate, formatDateTime } from '../format/dates';
import { useNames } from '../reference-data';
import { CommandToggle, TextCommand } from './command-form';
import { threadActions } from './contact-permissions';
import { WAITING_ITEM_NAMES } from './contact-words';
import type { ContactWork } from './contact-work';
import { OverdueTag } from './status-tag';

type Contact = components['schemas']['ContactResponse'];
type Thread = components['schemas']['ClarificationWithMessagesResponse'];

/**
 * The contact's clarification threads (GET /contacts/{crn}/clarifications), each with every
 * message, who wrote it and when, whose turn it is and by when; and the reply and the closing this
 * person may write.
 */
export function ClarificationThreads({ contact, threads, work }: { contact: Contact; threads: readonly Thread[]; work: ContactWork }) {
  if (threads.length === 0) return <p>No clarification has been asked.</p>;
  return (
    <ol className="threads">
      {threads.map((thread) => (
        <li key={thread.id}>
          <ThreadView contact={contact} thread={thread} work={work} />
        </li>
      ))}
    </ol>
  );
}

function ThreadView({ contact, thread, work }: { contact: Contact; thread: Thread; work: ContactWork }) {
  const { organisation } = useNames();
  const actions = threadActions(work.viewer, contact, thread);
  const headingId = `thread-${thread.id}`;
  const toggle = (action: string) => {
    const id = `${action}-${thread.id}`;
    return { id, open: work.openForm === id, setOpen: (open: boolean) => work.setOpenForm(open ? id : undefined) };
  };
  return (
    <article className="thread" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {WAITING_ITEM_NAMES[thread.kind]} ({thread.kind}) to {organisation(thread.addressedToOrganisationId)},{' '}
        {thread.addressedTo === 'ORIGINATOR' ? 'the originator' : 'the transporter'}
      </h3>
      <p className="meta">
        Asked by {thread.raisedByUserId}, {organisation(thread.askingOrganisationId)} ·{' '}
        <time dateTime={thread.raisedAt}>{formatDateTime(thread.raisedAt)}</time>
      </p>
      {thread.status === 'OPEN' && thread.waitingOnOrganisationId ? (
        <p>
          <strong>Waiting on {organisation(thread.waitingOnOrganisationId)}</strong>
          {thread.dueOn && `, due ${formatDate(thread.dueOn)}`} {thread.overdue && <OverdueTag />}
        </p>
      ) : (
        thread.closure && (
          <p>
            <strong>Closed</strong> {formatDateTime(thread.closure.closedAt)}
            {thread.closure.closedByUserId &&
              ` by ${thread.closure.closedByUserId}, ${organisation(thread.closure.closedByOrganisationId)}`}
            : {thread.closure.reason}
          </p>
        )
      )}
      <ol className="messages" aria-label="Messages, oldest first">
        {thread.messages.map((message) => (
          <li key={message.id}>
            <p className="meta">
              {message.sequence === 1 ? 'Question' : 'Reply'} from {message.postedByUserId},{' '}
              {organisation(message.postedByOrganisationId)} ·{' '}
              <time dateTime={message.postedAt}>{formatDateTime(message.postedAt)}</time>
            </p>
            <p className="message-text">{message.text}</p>
          </li>
        ))}
      </ol>
      {(actions.reply || actions.close) && (
        <div className="thread__commands">
          {actions.reply && (
            <CommandToggle label={`Reply to the ${thread.kind}`} {...toggle('reply')}>
              {(close) => <Reply thread={thread} work={work} onCancel={close} />}
            </CommandToggle>
          )}
          {actions.close && (
            <CommandToggle label={`Close the ${thread.kind}`} {...toggle('close')}>
              {(close) => <CloseThread thread={thread} work={work} onCancel={close} />}
            </CommandToggle>
          )}
        </div>
      )}
    </article>
  );
}

/** On my side's turn: the next message; the turn passes to the other side. */
function Reply({ thread, work, onCancel }: { thread: Thread; work: ContactWork; onCancel: () => void }) {
  const { api } = useApp();
  const { organisation } = useNames();
  const other = thread.askingOrganisationId === work.viewer.organisationId ? thread.addressedToOrganisationId : thread.askingOrganisationId;
  return (
    <TextCommand
      formId={`reply-${thread.id}`}
      field="text"
      label="Your reply"
      lines={4}
      whenBlank="Enter your reply."
      submitLabel="Send the reply"
      version={thread.version}
      send={(text, header) =>
        dataOf(api.POST('/api/v1/clarifications/{id}/messages', { params: { path: { id: thread.id }, header }, body: { text } }))
      }
      work={work}
      doneMessage={`Your reply is sent: it is ${organisation(other)}’s turn.`}
      onCancel={onCancel}
    />
  );
}

/** Either side closes the thread, with a reason (agreement reached, no longer needed). */
function CloseThread({ thread, work, onCancel }: { thread: Thread; work: ContactWork; onCancel: () => void }) {
  const { api } = useApp();
  return (
    <TextCommand
      formId={`close-${thread.id}`}
      field="reason"
      label="Why it is closed"
      hint="For example: answered, the meter is in place."
      whenBlank="Say why the thread is closed."
      submitLabel="Close the thread"
      version={thread.version}
      send={(reason, header) =>
        dataOf(api.POST('/api/v1/clarifications/{id}/closure', { params: { path: { id: thread.id }, header }, body: { reason } }))
      }
      work={work}
      doneMessage={`You closed the ${thread.kind}.`}
      onCancel={onCancel}
    />
  );
}
