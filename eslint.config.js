// ESLint (flat config). Module boundaries are real constraints, checked on every `npm test`:
// - services depend only on libraries, never on each other (Nx project tags);
// - domain code (services/*/src/domain) imports no framework, ORM, broker client or platform library.
const nx = require('@nx/eslint-plugin');
const tseslint = require('typescript-eslint');

module.exports = tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.cache/**', '.data/**', 'coverage/**', 'reports/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
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
);
