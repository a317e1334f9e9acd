/**
 * Runs a built Worker module in the real workerd binary that npm installed under harness-workerd/node_modules:
 * processes, files and a raw-socket readiness probe. The command line (WorkerdMain) parses with picocli and
 * takes the keep-alive option by the kernel's rule.
 */
module dev.flowconf.harness.workerd {
    requires dev.flowconf.checkout;
    requires dev.flowconf.kernel;
    requires info.picocli;

    exports dev.flowconf.harness.workerd;
    opens dev.flowconf.harness.workerd to info.picocli;
}
