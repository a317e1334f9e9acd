// The verdict on a TeaVM kernel test run, shared by the node runner (JavaScript build) and the workerd runner (Wasm GC
// build): the exit code for the result PortableSuite.report left in globalThis.flowconfTeaVmResult.

/** 0 only when every invocation the JVM resolved ran under TeaVM and passed; a run that never reported fails. */
export function verdict(result, backend) {
  if (!result) {
    console.error(`TeaVM kernel tests (${backend}): FAILED, the suite never reported a result (crashed, or hung in a `
      + "green thread)");
    return 3;
  }
  if (result.failed !== 0 || result.passed !== result.run || result.run !== result.expected || result.run === 0) {
    console.error(`TeaVM kernel tests (${backend}): FAILED (${result.run} run, ${result.passed} passed, `
        + `${result.failed} failures, ${result.expected} expected)`);
    return 1;
  }
  return 0;
}
