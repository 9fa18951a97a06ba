// Prints one plain closing line, "N passed, N failed, N skipped", after jest's
// own summary, so any tool (and CI) can read the outcome of the whole run.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    process.stdout.write(`\n${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped\n`);
  }
}
module.exports = SummaryReporter;
