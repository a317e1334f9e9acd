package dev.flowconf.harness.workerd;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Workers host's compatibility date and flags, read from host-workers/wrangler.toml, which the build copies into
 * this jar: what Cloudflare runs the host with is what local workerd runs it with, by construction.
 */
record WranglerCompatibility(String date, List<String> flags) {
    static final String RESOURCE = "wrangler.toml";
    private static final Pattern DATE = Pattern.compile("(?m)^compatibility_date\\s*=\\s*\"([0-9]{4}-[0-9]{2}-[0-9]{2})\"");
    private static final Pattern FLAGS = Pattern.compile("(?m)^compatibility_flags\\s*=\\s*\\[([^\\]]*)\\]");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    /** The host's, from the copy in this jar. */
    static final WranglerCompatibility HOST = fromResource();

    static WranglerCompatibility parse(String toml) {
        Matcher date = DATE.matcher(toml);
        if (!date.find()) {
            throw new IllegalArgumentException("wrangler.toml has no compatibility_date = \"YYYY-MM-DD\"");
        }
        List<String> flags = new ArrayList<>();
        Matcher list = FLAGS.matcher(toml);
        if (list.find()) {
            for (Matcher flag = QUOTED.matcher(list.group(1)); flag.find(); ) {
                flags.add(flag.group(1));
            }
        }
        return new WranglerCompatibility(date.group(1), List.copyOf(flags));
    }

    private static WranglerCompatibility fromResource() {
        try (InputStream in = WranglerCompatibility.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not in the harness's jar: build it with Maven");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
