/**
 * A new service's folder, from the templates in ./templates: each `<path>.tpl` there becomes
 * services/<name>/<path>, with every `{{value}}` in its path and text replaced.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stringLiteral } from './catalogue-entry';
import { nameForms } from './service-name';

export const TEMPLATES_DIR = join(__dirname, 'templates');
const TEMPLATE_EXTENSION = '.tpl';
const PLACEHOLDER = /\{\{(\w+)\}\}/g;

export interface ServiceFileValues {
  name: string;
  title: string;
  /** When the files are written: it dates and names the first migration. */
  now: Date;
}

export interface ServiceFile {
  /** Relative to the service's folder. */
  path: string;
  content: string;
}

/** What each placeholder of the templates stands for. */
export function placeholderValues(values: ServiceFileValues): Record<string, string> {
  const { name, camelName, pascalName } = nameForms(values.name);
  return {
    name,
    camelName,
    PascalName: pascalName,
    title: values.title,
    titleLiteral: stringLiteral(values.title),
    migrationDate: values.now.toISOString().slice(0, 10),
    // TypeORM reads a migration's time from the 13 digits that end its class name.
    migrationTimestamp: String(values.now.getTime()).padStart(13, '0'),
  };
}

/** `text` with its placeholders replaced; throws on a placeholder nothing stands for. */
export function fillPlaceholders(text: string, placeholders: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (placeholder, key: string) => {
    if (!(key in placeholders)) throw new Error(`unknown placeholder ${placeholder}`);
    return placeholders[key];
  });
}

function templatePaths(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(TEMPLATE_EXTENSION))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/** Every file of the new service, in path order. */
export function serviceFiles(values: ServiceFileValues, templatesDir = TEMPLATES_DIR): ServiceFile[] {
  const placeholders = placeholderValues(values);
  return templatePaths(templatesDir)
    .map((path) => ({
      path: fillPlaceholders(path.slice(0, -TEMPLATE_EXTENSION.length), placeholders),
      content: fillPlaceholders(readFileSync(join(templatesDir, path), 'utf8'), placeholders),
    }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}
