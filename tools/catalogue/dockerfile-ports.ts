/**
 * The root Dockerfile is written by hand but for its EXPOSE line: the catalogue's ports, so that
 * the image documents every service's port.
 */
import { catalogueEntries } from '@cms/catalogue';

const EXPOSE_LINE = /^EXPOSE .*$/m;

/** The Dockerfile with its EXPOSE line set to every catalogue port, in catalogue order. */
export function withCataloguePorts(dockerfile: string): string {
  const lines = dockerfile.match(new RegExp(EXPOSE_LINE.source, 'gm')) ?? [];
  if (lines.length !== 1) throw new Error(`the Dockerfile must have exactly one EXPOSE line, it has ${lines.length}`);
  return dockerfile.replace(EXPOSE_LINE, `EXPOSE ${catalogueEntries.map((entry) => entry.port).join(' ')}`);
}
