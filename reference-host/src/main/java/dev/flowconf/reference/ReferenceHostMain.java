package dev.flowconf.reference;

import dev.flowconf.kernel.bundle.BundleException;
import dev.flowconf.kernel.http.FlowHttpHost;
import dev.flowconf.kernel.http.KeepAliveInterval;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar reference-host.jar [--port N] [--keepalive-ms N] [--bundle FILE --nodes CLASS]}: serves until
 * stopped (Ctrl-C or SIGTERM stop Jetty gracefully). Port 0 picks a free port; the first stdout line names the URL.
 * Exit 2 for a bad command line or a bundle that cannot be served.
 */
@Command(name = "reference-host",
    description = "Serves SPEC.md's routes (or a Flow IR bundle of yours) on 127.0.0.1 with the Axum host's behaviour,"
        + " until Ctrl-C. The first line printed names the URL.")
public final class ReferenceHostMain implements Callable<Integer> {
    public static final int DEFAULT_PORT = 8788;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + DEFAULT_PORT,
        description = "Port on 127.0.0.1, 0 for any free one. Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--keepalive-ms", paramLabel = "N", converter = KeepAliveOption.class,
        description = "An SSE comment after this many ms without a frame (SSE-KEEPALIVE-1). Default: "
            + FlowHttpHost.DEFAULT_KEEP_ALIVE_MILLIS + ".")
    private long keepAliveMillis = FlowHttpHost.DEFAULT_KEEP_ALIVE_MILLIS;

    @Option(names = "--bundle", paramLabel = "FILE",
        description = "Serve this Flow IR bundle instead of SPEC.md's routes (needs --nodes).")
    private Path bundleFile;

    @Option(names = "--nodes", paramLabel = "CLASS",
        description = "The bundle's nodes: a NodeCatalog class on the class path (needs --bundle).")
    private String nodes;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ReferenceHostMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port needs a number from 0 to 65535, got: " + port);
        }
        if ((bundleFile == null) != (nodes == null)) {
            throw new ParameterException(spec.commandLine(), "--bundle and --nodes go together");
        }
        ReferenceHost host;
        if (bundleFile == null) {
            host = ReferenceHost.start(port, keepAliveMillis);
        } else {
            BundleLoader.Loaded loaded;
            try {
                loaded = BundleLoader.load(bundleFile, nodes);
            } catch (BundleException e) {
                System.err.println("flowconf reference host: " + bundleFile + " cannot be served:");
                e.problems().forEach(problem -> System.err.println("  " + problem));
                return 2;
            }
            host = ReferenceHost.start(port, keepAliveMillis, platform -> loaded.bundle().host(loaded.registry(), platform));
        }
        // Scripts and the conformance suite parse this first line for the URL.
        System.out.println("flowconf reference host listening on " + host.baseUrl());
        System.out.println("keep-alive after " + keepAliveMillis + " ms of stream silence");
        System.out.flush();
        host.join();
        return 0;
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
