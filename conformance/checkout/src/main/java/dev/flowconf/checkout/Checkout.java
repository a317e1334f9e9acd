package dev.flowconf.checkout;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a flowconf checkout is: the directory holding {@code reference-host/} and
 * {@code harness-workerd/package.json}. Every tool and test that needs it asks here, so they agree.
 */
public final class Checkout {
    /** Names the checkout outright; Maven sets it for the tests, a person may set it for a tool. */
    public static final String ROOT_PROPERTY = "flowconf.root";
    private static final String WHAT = " (a directory holding reference-host/ and harness-workerd/package.json)";

    private Checkout() {}

    /** The checkout: {@code -Dflowconf.root}'s, else the nearest from the working directory up. */
    public static Path root() {
        return find(Path.of(""), null);
    }

    /**
     * The checkout: {@code -Dflowconf.root}'s, else the nearest from {@code start} up, else the nearest from the
     * location of {@code anchor}'s jar or classes up (a tool run from {@code <checkout>/…/target/}); null for none.
     *
     * @throws IllegalStateException naming where it looked
     */
    public static Path find(Path start, Class<?> anchor) {
        String configured = System.getProperty(ROOT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path named = Path.of(configured).toAbsolutePath().normalize();
            return above(named).orElseThrow(() -> new IllegalStateException(
                    "-D" + ROOT_PROPERTY + "=" + configured + " is not in a flowconf checkout" + WHAT));
        }
        Path from = start.toAbsolutePath().normalize();
        return above(from)
                .or(() -> codeLocation(anchor).flatMap(Checkout::above))
                .orElseThrow(() -> new IllegalStateException("no flowconf checkout" + WHAT + " in " + from
                        + " or its parents; run from inside one or set -D" + ROOT_PROPERTY + "=<checkout>"));
    }

    /** The goldens of the checkout: {@code <root>/goldens}. */
    public static Path goldens() {
        return root().resolve("goldens");
    }

    /** The nearest checkout in {@code start} or one of its parents. */
    public static Optional<Path> above(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("reference-host"))
                    && Files.isRegularFile(dir.resolve("harness-workerd").resolve("package.json"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> codeLocation(Class<?> anchor) {
        if (anchor == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty(); // no code source (e.g. a custom class loader): the other places decide
        }
    }
}
