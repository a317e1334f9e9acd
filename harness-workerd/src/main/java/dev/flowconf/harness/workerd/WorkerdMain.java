package dev.flowconf.harness.workerd;

import dev.flowconf.kernel.http.KeepAliveInterval;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar harness-workerd.jar [--module-dir DIR] [--port N] [--keepalive-ms N]}: serves the Worker until
 * Ctrl-C. Defaults: the built host-workers/target/worker, port 8787 (wrangler dev's; 0 picks a free one) and the
 * Worker's own keep-alive interval (15 s). Exit 2 for a bad command line.
 */
@Command(name = "harness-workerd",
    description = "Serves a Worker module directory in real workerd on 127.0.0.1 until Ctrl-C. The first line printed "
        + "names the URL.")
public final class WorkerdMain implements Callable<Integer> {
    @Option(names = "--module-dir", paramLabel = "DIR",
        description = "entry.mjs and its modules. Default: this checkout's host-workers/target/worker.")
    private Path moduleDir;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8787",
        description = "Port on 127.0.0.1, 0 for any free one. Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--keepalive-ms", paramLabel = "N", converter = KeepAliveOption.class,
        description = "The Worker's SSE keep-alive interval (its FLOWCONF_KEEPALIVE_MS). Default: the Worker's (15000).")
    private Long keepAliveMillis;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        int exit = new CommandLine(new WorkerdMain()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
        // 0: stopped by the shutdown hook, which System.exit here would block forever
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port needs a number from 0 to 65535, got: " + port);
        }
        RunningWorkerd workerd;
        try {
            WorkerdHarness harness = WorkerdHarness.forModuleDir(moduleDir != null ? moduleDir
                : WorkerdHarness.defaultModuleDir()).withPort(port);
            workerd = (keepAliveMillis == null ? harness : harness.withKeepAliveMillis(keepAliveMillis)).start();
        } catch (IOException e) {
            System.err.println("flowconf: " + e.getMessage());
            return 1;
        }
        // Ctrl-C: RunningWorkerd's own shutdown hook stops workerd (SIGTERM, then SIGKILL after 5 s).
        System.out.println("flowconf workers host (workerd) listening on " + workerd.baseUrl());
        System.out.println("workerd log: " + workerd.logFile());
        int exit = workerd.awaitExit();
        if (workerd.isClosed()) {
            return 0;
        }
        System.err.println("workerd exited with code " + exit + "; log tail:\n" + RunningWorkerd.tail(workerd.logFile()));
        return exit == 0 ? 1 : exit;
    }

    /** The kernel's rule for the interval, so every host takes the same values. */
    static final class KeepAliveOption implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            try { return KeepAliveInterval.parseMillis(text, "--keepalive-ms"); }
            catch (IllegalArgumentException e) { throw new CommandLine.TypeConversionException(e.getMessage()); }
        }
    }
}
