import { CreateContacts1795392300000 } from './2026-11-23-create-contacts.migration';
import { ContactRowLevelSecurity1795478700000 } from './2026-11-24-contact-row-level-security.migration';
import { CreateContactAudit1795479000000 } from './2026-11-24-create-contact-audit.migration';
import { ContactAuditReadIndexes1795565400000 } from './2026-11-25-contact-audit-read-indexes.migration';
import { CrnBlocks1795651800000 } from './2026-11-26-crn-blocks.migration';
import { ContactWork1796158800000 } from './2026-12-01-contact-work.migration';
import { ContactTimeline1796159400000 } from './2026-12-01-contact-timeline.migration';
import { ContactClock1796160000000 } from './2026-12-01-contact-clock.migration';
import { RejectedSubmissionReads1796205600000 } from './2026-12-02-rejected-submission-reads.migration';
import { Retention1796256000000 } from './2026-12-03-retention.migration';

/** contact-logging's own migrations, oldest first (TypeORM orders them by their timestamps). */
export const contactLoggingMigrations = [CreateContacts1795392300000, ContactRowLevelSecurity1795478700000, CreateContactAudit1795479000000, ContactAuditReadIndexes1795565400000, CrnBlocks1795651800000, ContactWork1796158800000, ContactTimeline1796159400000, ContactClock1796160000000, RejectedSubmissionReads1796205600000, Retention1796256000000];
