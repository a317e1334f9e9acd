// Runs the kernel's tests compiled by TeaVM (target/teavm-tests/js/kernel-tests.js, built by
// dev.flowconf.kernel.teavm.TeaVmSuiteBuilder) under node and exits non-zero unless every one of them ran and
// passed. Usage: node run-kernel-tests.mjs <kernel-tests.js>
import { pathToFileURL } from 'node:url';
import { verdict } from './kernel-test-verdict.mjs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node run-kernel-tests.mjs <kernel-tests.js>');
  process.exit(2);
}

// TeaVM's main() goes on in green threads after it returns (Thread.sleep, waits), so wait for the suite's
// report (PortableSuite.report). A suite that ends without reporting is a failure, never a pass.
process.on('beforeExit', () => process.exit(verdict(globalThis.flowconfTeaVmResult, 'JavaScript')));

// Once it has reported, exit at once. Timers may still be pending: TeaVM 0.16's Platform.schedule drops the id
// setTimeout returns, so an Object.wait(timeout) that is notified early cannot clear its timer, which then
// would keep node alive (up to 10 s with these tests) only to fire as a no-op.
const poll = setInterval(() => {
  const result = globalThis.flowconfTeaVmResult;
  if (result) {
    clearInterval(poll);
    const timers = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    if (timers > 0) {
      console.log(`(exiting with ${timers} TeaVM timer(s) still pending; see the comment in run-kernel-tests.mjs)`);
    }
    process.exit(verdict(result, 'JavaScript'));
  }
}, 20);
poll.unref();

const suite = await import(pathToFileURL(file).href);
suite.main([]);
