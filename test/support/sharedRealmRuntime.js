// Jest's module loader for this suite: every test file still gets its own copy of the app and of
// test/ (fresh modules, as jest always gives it), but runs in the worker's own JavaScript realm,
// and the packages in node_modules are loaded once per worker, by Node, and shared by the files
// that worker runs. With sharedRealmEnvironment.js beside it.
//
// Why: by default jest runs each file in a vm context of its own and loads every module again in
// it, about 900 modules a flow file (Bolt, Prisma's client, zod, undici…), compiled afresh and run
// cold each time; and code in a vm context reads globals (Math, Object, Promise…) through V8's
// interceptors, about fifty times slower than in a plain process, which slowed Prisma's client
// above all. Shared, the suite takes a fifth less CPU. Nothing runs across realms either: the app,
// its packages and the test see the same Promise, Date and Error, as in production.
//
// What a file can no longer do: change a package's module state for itself alone (luxon's
// Settings, say) without putting it back; mock a package (jest.mock); or import() a project file
// (a package or a node: module is fine). None of the tests does. JEST_SANDBOX=1 runs the suite in
// jest's own per-file sandbox instead (jest.config.js), to tell whether a failure is one of these.
//
// This relies on three of jest-runtime's internals, checked below: if an upgrade of jest moves
// them, the run stops at once, naming this file, and JEST_SANDBOX=1 runs the tests meanwhile.
const path = require("node:path");
const { pathToFileURL } = require("node:url");
const vm = require("node:vm");
const Runtime = require("jest-runtime").default;

const inNodeModules = `${path.sep}node_modules${path.sep}`;

class SharedRealmRuntime extends Runtime {
  constructor(...args) {
    super(...args);
    const executor = this.executor;
    if (
      typeof executor?.compile !== "function" ||
      !Array.isArray(executor.injectedModuleParameters) ||
      typeof this.requireBuilder?.resolve !== "function"
    ) {
      throw new Error(
        "jest-runtime's internals are not what test/support/sharedRealmRuntime.js expects (was jest upgraded?): update that file, or run with JEST_SANDBOX=1 meanwhile",
      );
    }
    // Each module's code, compiled in the worker's own context rather than the file's vm context.
    executor.compile = (source, filename) => {
      if (!executor.environment.global) return null; // torn down, as jest's own compile answers
      return vm.compileFunction(source, executor.injectedModuleParameters, {
        filename,
        importModuleDynamically: (specifier) => this.sharedImport(filename, specifier),
      });
    };
  }

  /** A bare name that resolves into node_modules is Node's to load, once per worker. */
  sharedPath(from, moduleName) {
    if (moduleName.startsWith(".") || path.isAbsolute(moduleName) || moduleName.startsWith("node:") || moduleName === "@jest/globals")
      return undefined;
    let resolved;
    try {
      resolved = this.requireBuilder.resolve(from, moduleName);
    } catch {
      return undefined; // jest's own require then says what is missing, and where it was asked for
    }
    return resolved.includes(inNodeModules) ? resolved : undefined;
  }

  requireModuleOrMock(from, moduleName) {
    const shared = this.sharedPath(from, moduleName);
    return shared ? require(shared) : super.requireModuleOrMock(from, moduleName);
  }

  /** import() in a project file: Prisma's client loads its query compiler so. */
  sharedImport(from, specifier) {
    if (specifier.startsWith("node:")) return import(specifier);
    const shared = this.sharedPath(from, specifier);
    if (!shared)
      throw new Error(
        `import("${specifier}") in ${from}: only packages and node: modules can be imported dynamically here (test/support/sharedRealmRuntime.js)`,
      );
    return import(pathToFileURL(shared).href);
  }
}

module.exports = SharedRealmRuntime;
