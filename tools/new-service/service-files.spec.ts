import { fillPlaceholders, placeholderValues, serviceFiles, type ServiceFileValues } from './service-files';

const values: ServiceFileValues = {
  name: 'site-visits',
  title: 'Site visits',
  now: new Date('2026-12-01T10:15:30.123Z'),
};

describe("a new service's files", () => {
  const files = serviceFiles(values);
  const file = (path: string) => files.find((candidate) => candidate.path === path)!.content;

  it('are the shape meter-points has: domain, application, infrastructure, http, the kit wiring and its tests', () => {
    expect(files.map((candidate) => candidate.path)).toEqual([
      'project.json',
      'src/app.module.ts',
      'src/application/logged-contact-store.port.ts',
      'src/application/logged-contacts.ts',
      'src/domain/index.ts',
      'src/domain/logged-contact.spec.ts',
      'src/domain/logged-contact.ts',
      'src/http/dto/logged-contact.response.ts',
      'src/http/logged-contacts.controller.ts',
      'src/infrastructure/contact-logged.consumer.ts',
      'src/infrastructure/logged-contact.repository.ts',
      'src/infrastructure/migrations/2026-12-01-create-logged-contact.migration.ts',
      'src/infrastructure/migrations/index.ts',
      'src/main.ts',
      'src/service.ts',
      'src/site-visits.settings.ts',
      'src/tracing.ts',
      'test/site-visits.int-spec.ts',
    ]);
  });

  it('leave no placeholder unfilled', () => {
    for (const { path, content } of files) expect([path, content.match(/\{\{\w+\}\}/g)]).toEqual([path, null]);
  });

  it('tag the project as a service of its own scope (Nx, for the module boundaries), built as every service is (nx.json)', () => {
    expect(JSON.parse(file('project.json'))).toEqual({
      name: 'site-visits',
      projectType: 'application',
      sourceRoot: 'services/site-visits/src',
      tags: ['type:service', 'scope:site-visits'],
      targets: { build: {} },
    });
  });

  it('name the service, its settings, module and migrations after it, its port read from its catalogue entry', () => {
    expect(file('src/service.ts')).toContain(
      "export const siteVisitsService: ServiceDefinition<typeof siteVisitsSettings> = {\n  name: 'site-visits',\n  title: 'Site visits',",
    );
    expect(file('src/site-visits.settings.ts')).toContain("PORT: catalogueServicePort('site-visits')");
    expect(file('src/app.module.ts')).toContain(
      'export function siteVisitsModule(config: SiteVisitsConfig, logger: Logger)',
    );
    expect(file('src/main.ts')).toBe(
      "import './tracing';\nimport { runService } from '@cms/service-defaults';\nimport { siteVisitsService } from './service';\n\nvoid runService(siteVisitsService);\n",
    );
  });

  it('date the first migration, and end its class name with the 13-digit time TypeORM reads', () => {
    expect(placeholderValues(values)).toMatchObject({
      migrationDate: '2026-12-01',
      migrationTimestamp: '1796120130123',
    });
    expect(file('src/infrastructure/migrations/index.ts')).toContain(
      "import { CreateLoggedContact1796120130123 } from './2026-12-01-create-logged-contact.migration';",
    );
  });

  it('refuse a template with a placeholder nothing stands for', () => {
    expect(() => fillPlaceholders('{{name}} and {{nmae}}', { name: 'x' })).toThrow('unknown placeholder {{nmae}}');
  });
});
