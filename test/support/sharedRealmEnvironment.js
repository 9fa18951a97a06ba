// Jest's test environment for this suite: jest's Node environment, except that the test's globals
// (describe, it, expect, console…) go on the worker's own global object, where the test's code
// runs (see sharedRealmRuntime.js). Jest still builds its vm context, and it stays unused.
const { TestEnvironment } = require("jest-environment-node");

class SharedRealmEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global = globalThis;
    // Jest wraps the global process.exit of each file to report a call: put the real one back
    // after each file rather than wrap it again and again.
    this.exit = process.exit;
  }

  async teardown() {
    process.exit = this.exit;
    await super.teardown();
  }
}

module.exports = SharedRealmEnvironment;
