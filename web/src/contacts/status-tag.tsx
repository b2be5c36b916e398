import { CONTACT_STATUS_NAMES, type ContactStatus } from './contact-words';

/** A contact's status as a tag: the word says it, the colour only helps. */
export function StatusTag({ status }: { status: string }) {
  const open = status === 'LOGGED' || status === 'UNDER_INVESTIGATION';
  return (
    <span className={open ? 'tag tag--open' : 'tag tag--closed'}>
      {CONTACT_STATUS_NAMES[status as ContactStatus] ?? status}
    </span>
  );
}

export function OverdueTag() {
  return <span className="tag tag--overdue">Overdue</span>;
}
