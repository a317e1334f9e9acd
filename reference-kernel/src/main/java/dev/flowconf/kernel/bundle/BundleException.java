package dev.flowconf.kernel.bundle;

import java.util.List;

/** A bundle a host cannot serve, with every problem found (upstream's diagnostic codes first where they apply). */
public final class BundleException extends Exception {
    private final List<String> problems;

    public BundleException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0) : problems.size() + " problems: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() { return problems; }
}
