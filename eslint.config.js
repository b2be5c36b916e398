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
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['services/*/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'kafkajs', 'pg', 'express', 'class-validator', 'class-transformer', 'jose', 'pino'], message: 'Domain code is plain TypeScript: no framework, ORM or broker imports.' },
            { group: ['@cms/*'], message: 'Domain code depends on nothing outside its own domain folder.' },
            { group: ['../*', '!../domain'], message: 'Domain code must not reach into application or infrastructure layers.' },
          ],
        },
      ],
    },
  },
);
