import type { ReactNode } from 'react';
import { paths } from '../routing/paths';
import { Link } from '../routing/router';
import { Page } from '../ui/page';

/** A screen that only says something: a page not found, a screen this user has no use for. */
export function Message({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Page title={title}>
      <p>{children}</p>
      <p>
        <Link to={paths.contacts}>Go to my organisation's contacts</Link>
      </p>
    </Page>
  );
}
