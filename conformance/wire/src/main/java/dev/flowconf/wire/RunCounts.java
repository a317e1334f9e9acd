package dev.flowconf.wire;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One answer of the run probe (SPEC.md PROBE-1): runs started, completed, cancelled, still active. */
public record RunCounts(long active, long cancelled, long completed, long started) {

    // PROBE-1 fixes the bytes: compact, keys in code-point order (JSON-KEYS-1), plain decimal counts.
    private static final Pattern FORMAT = Pattern.compile(
            "\\{\"active\":(0|[1-9][0-9]*),\"cancelled\":(0|[1-9][0-9]*),\"completed\":(0|[1-9][0-9]*),"
                    + "\"started\":(0|[1-9][0-9]*)}");

    /** The counts of a probe body, or empty if it is not exactly PROBE-1's object. */
    public static Optional<RunCounts> parse(String body) {
        Matcher matcher = FORMAT.matcher(body);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RunCounts(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
                    Long.parseLong(matcher.group(3)), Long.parseLong(matcher.group(4))));
        } catch (NumberFormatException e) {
            return Optional.empty(); // beyond a long: no host runs that many
        }
    }

    @Override
    public String toString() {
        return "{\"active\":" + active + ",\"cancelled\":" + cancelled + ",\"completed\":" + completed
                + ",\"started\":" + started + "}";
    }
}
