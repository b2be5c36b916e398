// Integration and end-to-end tests wait on real brokers and databases; Jest's 5 s default is for unit tests.
// (A per-project `testTimeout` in jest.config.js is not applied by Jest, hence this file.)
jest.setTimeout(Number(process.env.CMS_TEST_TIMEOUT_MS ?? 180_000));
