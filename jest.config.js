// One Jest configuration, three kinds of test told apart by file name:
//   *.spec.ts      unit: pure code, no I/O, runs in milliseconds
//   *.int-spec.ts  integration: one service or library against real PostgreSQL and Kafka
//   *.e2e-spec.ts  end to end: the whole stack started as `npm start` starts it, driven through the gateway
// Select a kind with `--selectProjects unit|integration|e2e`.

const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace('/', '\\/')}$`,
    `<rootDir>/${target}`,
  ]),
);

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      // The @cms/* aliases are rewritten at compile time, so they also resolve in globalSetup and
      // globalTeardown, which Jest loads without its moduleNameMapper.
      baseUrl: __dirname,
      paths: compilerOptions.paths,
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2023',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  roots: ['<rootDir>/libs', '<rootDir>/services', '<rootDir>/tools', '<rootDir>/e2e', '<rootDir>/web'],
  // Jest runs every module in a vm context, where each lookup of a global such as `Math` is slow
  // (jestjs/jest#5163): csv-parse's streaming reader calls Math.max once per byte, which made
  // reading the meter point extract about five times slower under Jest than under plain Node.
  // Handing `Math` to each module as a local makes the lookup cheap; it is the same object.
  sandboxInjectedGlobals: ['Math'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['**/*.int-spec.ts'],
      globalSetup: '<rootDir>/tools/testing/jest-global-setup.ts',
      globalTeardown: '<rootDir>/tools/testing/jest-global-teardown.ts',
      // Tests' own kafkajs clients get the same idle-timer fix as the services' (libs/messaging).
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest-long-timeout.ts', '<rootDir>/libs/messaging/src/kafkajs-idle-timer-fix.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/e2e/global-teardown.ts',
      // Tests' own kafkajs clients get the same idle-timer fix as the services' (libs/messaging).
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest-long-timeout.ts', '<rootDir>/libs/messaging/src/kafkajs-idle-timer-fix.ts'],
    },
  ],
};
