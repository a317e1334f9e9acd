package dev.flowconf.reference;

import dev.flowconf.kernel.bundle.BundleException;
import dev.flowconf.kernel.http.FlowHttpHost;
import java.nio.file.Path;

/**
 * {@code java -jar reference-host.jar [--port N] [--keepalive-ms N]}: serves until stopped (Ctrl-C
 * or SIGTERM stop Jetty gracefully). Port 0 picks a free port; the first stdout line names the URL.
 */
public final class ReferenceHostMain {
    public static final int DEFAULT_PORT = 8788;
    private static final String USAGE = "usage: reference-host [--port N] [--keepalive-ms N] [--bundle FILE --nodes CLASS]"
            + "   (port default " + DEFAULT_PORT + ", 0 = any free port; keep-alive default "
            + FlowHttpHost.DEFAULT_KEEP_ALIVE_MILLIS + " ms, SSE-KEEPALIVE-1; --bundle serves a Flow IR bundle of yours "
            + "instead of SPEC.md's routes, its nodes registered by CLASS, a NodeCatalog on the class path)";

    private ReferenceHostMain() {}

    public static void main(String[] args) throws Exception {
        int port = DEFAULT_PORT;
        long keepAliveMillis = FlowHttpHost.DEFAULT_KEEP_ALIVE_MILLIS;
        Path bundleFile = null;
        String nodes = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = (int) number(args, ++i, 0, 65535);
                    case "--keepalive-ms" -> keepAliveMillis = number(args, ++i, 1, Integer.MAX_VALUE);
                    case "--bundle" -> bundleFile = Path.of(value(args, ++i));
                    case "--nodes" -> nodes = value(args, ++i);
                    default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
        }
        if ((bundleFile == null) != (nodes == null)) {
            System.err.println("--bundle and --nodes go together\n" + USAGE);
            System.exit(2);
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
                System.exit(2);
                return;
            }
            host = ReferenceHost.start(port, keepAliveMillis, platform -> loaded.bundle().host(loaded.registry(), platform));
        }
        // Scripts and the conformance suite parse this first line for the URL.
        System.out.println("flowconf reference host listening on " + host.baseUrl());
        System.out.println("keep-alive after " + keepAliveMillis + " ms of stream silence");
        System.out.flush();
        host.join();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) throw new IllegalArgumentException(args[i - 1] + " needs a value");
        return args[i];
    }

    private static long number(String[] args, int i, long min, long max) {
        String option = args[i - 1];
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        try {
            long n = Long.parseLong(args[i]);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below, with the accepted range
        }
        throw new IllegalArgumentException(option + " needs a number from " + min + " to " + max + ", got: " + args[i]);
    }
}
