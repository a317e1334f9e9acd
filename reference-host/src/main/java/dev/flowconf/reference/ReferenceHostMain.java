package dev.flowconf.reference;

/**
 * {@code java -jar reference-host.jar [--port N]}: serves until stopped (Ctrl-C or SIGTERM stop
 * Jetty gracefully). Port 0 picks a free port; the first stdout line names the URL.
 */
public final class ReferenceHostMain {
    public static final int DEFAULT_PORT = 8788;

    private ReferenceHostMain() {}

    public static void main(String[] args) throws Exception {
        int port = DEFAULT_PORT;
        for (int i = 0; i < args.length; i++) {
            if ("--port".equals(args[i]) && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else {
                System.err.println("usage: reference-host [--port N]   (default " + DEFAULT_PORT + ", 0 = any free port)");
                System.exit(2);
            }
        }
        ReferenceHost host = ReferenceHost.start(port);
        System.out.println("flowconf reference host listening on " + host.baseUrl());
        System.out.flush();
        host.join();
    }
}
