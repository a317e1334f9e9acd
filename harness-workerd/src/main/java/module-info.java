/**
 * Runs a built Worker module in the real workerd binary that npm installed under harness-workerd/node_modules.
 * java.base is enough: processes, files and a raw-socket readiness probe.
 */
module dev.flowconf.harness.workerd {
    exports dev.flowconf.harness.workerd;
}
