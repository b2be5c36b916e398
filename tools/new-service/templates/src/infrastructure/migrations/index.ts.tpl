import { CreateLoggedContact{{migrationTimestamp}} } from './{{migrationDate}}-create-logged-contact.migration';

/** The service's own migrations, oldest first (the platform adds the outbox and inbox). */
export const {{camelName}}Migrations = [CreateLoggedContact{{migrationTimestamp}}];
