// ESLint (flat config). Module boundaries are real constraints, checked on every `npm test`
// (tools/lint/boundaries.spec.ts feeds it files that break each one):
// - services depend only on libraries, never on each other (Nx project tags);
// - the web app (web/, type:web) runs in the browser: it imports no project of the workspace (its API
//   types are generated from the OpenAPI document, web/src/api/schema.d.ts);
// - libraries by kind: the gas-market vocabulary depends on no other project; contracts only on the
//   vocabulary (never on platform code: partners read them); the catalogue on contracts;
// - inside a service, one shape: domain/ imports no framework, ORM, broker client or platform library;
//   application/ (use cases) imports its ports, the domain and the kit's ports, never infrastructure/ or http/.
const nx = require('@nx/eslint-plugin');
const tseslint = require('typescript-eslint');

// What each kind of library may depend on (its own files aside).
const LIBRARY_KINDS = [
  { sourceTag: 'kind:vocabulary', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'kind:contracts', onlyDependOnLibsWithTags: ['kind:vocabulary'] },
  { sourceTag: 'kind:catalogue', onlyDependOnLibsWithTags: ['kind:contracts', 'kind:vocabulary'] },
];

// Packages that are infrastructure or transport: the use cases of application/ see none of them.
const INFRASTRUCTURE_PACKAGES = ['typeorm', 'pg', 'kafkajs', 'express', '@nestjs/core', '@nestjs/swagger', '@nestjs/platform-*', '@nestjs/typeorm', 'class-validator', 'class-transformer', 'nestjs-cls', '@nestjs-cls/*', '@cms/messaging', '@cms/persistence'];

module.exports = tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.cache/**', '.data/**', 'coverage/**', 'reports/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib', 'type:tooling'] },
            { sourceTag: 'type:web', onlyDependOnLibsWithTags: [] },
            ...LIBRARY_KINDS,
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-console': 'off',
    },
  },
  {
    // Tests may use the demo data and provisioning tools; production code may not.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts', 'e2e/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          depConstraints: [
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:lib', 'type:tooling'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', 'type:tooling'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib', 'type:tooling'] },
            { sourceTag: 'type:web', onlyDependOnLibsWithTags: [] },
            ...LIBRARY_KINDS.map((rule) => ({ ...rule, onlyDependOnLibsWithTags: [...rule.onlyDependOnLibsWithTags, 'type:tooling', 'kind:testing'] })),
          ],
        },
      ],
      // Response bodies in tests are whatever the API sent; asserting on them is the point.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // tools/ is the orchestration (start, test, bench, provisioning, demo data): it may reach anything.
    files: ['tools/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    files: ['services/*/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'kafkajs', 'pg', 'express', 'class-validator', 'class-transformer', 'jose', 'pino'], message: 'Domain code is plain TypeScript: no framework, ORM or broker imports.' },
            { group: ['@cms/*', '!@cms/gas-market'], message: 'Domain code depends on nothing outside its own domain folder but the gas-market vocabulary (@cms/gas-market).' },
            { group: ['../*', '!../domain'], message: 'Domain code must not reach into application or infrastructure layers.' },
          ],
        },
      ],
    },
  },
  {
    files: ['services/*/src/application/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../infrastructure', '../infrastructure/*', '../http', '../http/*'], message: 'Application code (use cases) depends on its ports and the domain, never on infrastructure/ or http/: define a port in application/ and implement it in infrastructure/.' },
            { group: INFRASTRUCTURE_PACKAGES, message: 'Application code (use cases) uses no ORM, driver, broker or transport: the kit\'s ports (Transactions, EventOutbox) and its own ports stand for them.' },
          ],
        },
      ],
    },
  },
);
