package dev.flowconf.harness.workerd;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * {@code java -jar harness-workerd.jar [--module-dir DIR] [--port N] [--keepalive-ms N]}: serves the Worker
 * until Ctrl-C. Defaults: the built host-workers/target/worker, port 8787 (wrangler dev's; 0 picks a free one)
 * and the Worker's own keep-alive interval (15 s).
 */
public final class WorkerdMain {
    private static final String USAGE = "usage: harness-workerd [--module-dir DIR] [--port N] [--keepalive-ms N]";

    private WorkerdMain() {}

    public static void main(String[] args) throws InterruptedException {
        Path moduleDir = null;
        int port = 8787;
        long keepAliveMillis = 0;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--module-dir" -> moduleDir = Paths.get(value(args, ++i));
                    case "--port" -> port = port(value(args, ++i));
                    case "--keepalive-ms" -> keepAliveMillis = keepAliveMillis(value(args, ++i));
                    case "-h", "--help" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
        }

        RunningWorkerd workerd;
        try {
            Path dir = moduleDir != null ? moduleDir : WorkerdHarness.defaultModuleDir();
            WorkerdHarness harness = WorkerdHarness.forModuleDir(dir).withPort(port);
            workerd = (keepAliveMillis == 0 ? harness : harness.withKeepAliveMillis(keepAliveMillis)).start();
        } catch (IOException e) {
            System.err.println("flowconf: " + e.getMessage());
            System.exit(1);
            return;
        }
        // Ctrl-C: RunningWorkerd's own shutdown hook stops workerd (SIGTERM, then SIGKILL after 5 s).
        System.out.println("flowconf workers host (workerd) listening on " + workerd.baseUrl());
        System.out.println("workerd log: " + workerd.logFile());
        int exit = workerd.awaitExit();
        if (workerd.isClosed()) {
            return; // stopped by the shutdown hook; System.exit here would block the JVM's shutdown forever
        }
        System.err.println("workerd exited with code " + exit + "; log tail:\n" + RunningWorkerd.tail(workerd.logFile()));
        System.exit(exit);
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--port needs a number from 0 to 65535, got: " + text);
    }

    private static long keepAliveMillis(String text) {
        try {
            long millis = Long.parseLong(text);
            if (millis >= 1 && millis <= Integer.MAX_VALUE) {
                return millis;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "--keepalive-ms needs a number from 1 to " + Integer.MAX_VALUE + ", got: " + text);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
