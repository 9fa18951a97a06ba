// Every test runs against SQLite; when TEST_POSTGRES_URL is set (as .ci/run does)
// the same tests run a second time against PostgreSQL, as a second jest project.
/** @type {import('jest').Config} */
const base = {
  // Each file gets its own copy of the app, run in the worker's own realm, with the packages in
  // node_modules loaded once per worker (test/support/sharedRealmRuntime.js says why and what it
  // rules out). JEST_SANDBOX=1 runs each file in jest's own vm context instead, loading everything again.
  ...(process.env.JEST_SANDBOX === "1"
    ? { testEnvironment: "node" }
    : {
        testEnvironment: "<rootDir>/test/support/sharedRealmEnvironment.js",
        runtime: "<rootDir>/test/support/sharedRealmRuntime.js",
        // Jest would otherwise clean up the global object after each file: here it is the worker's own.
        testEnvironmentOptions: { globalsCleanup: "off" },
      }),
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    // Types are stripped, not checked (tsconfig sets isolatedModules); `npm run typecheck` checks them once.
    "^.+\\.ts$": "<rootDir>/test/support/esbuildTransform.js",
  },
};

const projects = [
  {
    ...base,
    displayName: "sqlite",
    globalSetup: "<rootDir>/test/support/globalSetupSqlite.ts",
    globalTeardown: "<rootDir>/test/support/globalTeardownSqlite.ts",
    // Several replicas need PostgreSQL: SQLite is the one-process database.
    testPathIgnorePatterns: ["/test/scheduler/multiReplica[A-Za-z]*\\.test\\.ts$"],
    setupFiles: ["<rootDir>/test/support/useSqlite.ts"],
  },
];
if (process.env.TEST_POSTGRES_URL) {
  projects.push({
    ...base,
    displayName: "postgresql",
    globalSetup: "<rootDir>/test/support/globalSetupPostgres.ts",
    globalTeardown: "<rootDir>/test/support/globalTeardownPostgres.ts",
    setupFiles: ["<rootDir>/test/support/usePostgres.ts"],
    setupFilesAfterEnv: ["<rootDir>/test/support/postgresFile.ts"],
    // Database-free tests (views, reference data, pure domain rules, Slack's error codes,
    // the Web API observer, the pacer, manifest, config, the web layer's kit) need not run
    // twice. Nor does the process's own start and stop (npm start, signals), which SQLite
    // covers, nor the browser tests: what the database gives a page is tested over HTTP on
    // both (test/flows), and the browser sees the same HTML either way.
    testPathIgnorePatterns: [
      "/test/(views|reference|domain|messaging|web|browser|mail)/",
      "/test/observability/webApiCalls\\.test\\.ts$",
      "/test/scheduler/pacer\\.test\\.ts$",
      "/test/(manifest|config|readme)\\.test\\.ts$",
      "/test/flows/shutdown\\.test\\.ts$",
    ],
  });
}

module.exports = {
  projects,
  // Jest reads testTimeout here, at the top level, not in a project's config. Each test
  // starts a real app and database; on a loaded 2-core machine (two projects in parallel)
  // the heaviest, such as 200 people answering at once, can pass jest's default 5 s.
  testTimeout: 20_000,
  maxWorkers: 2,
  reporters: ["default", "<rootDir>/test/support/summaryReporter.js"],
};
