package dev.flowconf.harness.workerd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Writes the workerd config (Cap'n Proto text) that serves one Worker module directory on one socket. */
final class WorkerdConfig {
    /**
     * The main module; every other .js/.mjs file (and .json, as text; .wasm, compiled) in the directory is listed
     * after it.
     */
    static final String ENTRY_MODULE = "entry.mjs";
    /** The Worker's text binding for the SSE keep-alive interval (host-workers KeepAliveSetting). */
    static final String KEEPALIVE_BINDING = "FLOWCONF_KEEPALIVE_MS";

    /** The spill Durable Object (SPILL-HOST-1): its class, exported by entry.mjs, and the Worker's binding to it. */
    static final String SPILL_CLASS = "FlowconfSpill";
    static final String SPILL_BINDING = "FLOWCONF_SPILL";

    private WorkerdConfig() {}

    /** The plain JS baseline of ci/bench has no such class, and a namespace naming a missing class stops workerd. */
    private static boolean exportsSpillObject(Path moduleDir) throws IOException {
        return SPILL_EXPORT.matcher(Files.readString(moduleDir.resolve(ENTRY_MODULE))).find();
    }

    /** `export class FlowconfSpill …` or `export const FlowconfSpill = …` (a class made by flowconf-spill.mjs). */
    private static final Pattern SPILL_EXPORT = Pattern.compile("export\\s+(?:class|const)\\s+" + SPILL_CLASS + "\\b");

    /**
     * The config text. Embeds are written as "/name" because capnp resolves absolute embed paths against the
     * import directories, so workerd must be started with {@code --import-path <moduleDir>}.
     *
     * @param keepAliveMillis written as the {@value #KEEPALIVE_BINDING} binding; 0 leaves it out (the Worker's default)
     */
    static String render(Path moduleDir, int port, long keepAliveMillis, Path spillDir) throws IOException {
        boolean spill = exportsSpillObject(moduleDir);
        List<String> bindings = new ArrayList<>();
        if (keepAliveMillis != 0) {
            bindings.add("(name = " + quote(KEEPALIVE_BINDING) + ", text = " + quote(Long.toString(keepAliveMillis)) + ")");
        }
        if (spill) {
            bindings.add("(name = " + quote(SPILL_BINDING) + ", durableObjectNamespace = " + quote(SPILL_CLASS) + ")");
        }
        StringBuilder modules = new StringBuilder();
        for (String name : moduleNames(moduleDir)) {
            // A .json file is a text module: a project's Flow IR bundle, which its entry module imports as text
            // (wrangler.toml's Text rule does the same on Cloudflare). A .wasm file is a compiled WebAssembly module,
            // as wrangler's CompiledWasm rule gives one.
            String kind = name.endsWith(".json") ? "text" : name.endsWith(".wasm") ? "wasm" : "esModule";
            modules.append("    (name = ").append(quote(name))
                    .append(", ").append(kind).append(" = embed ")
                    .append(quote("/" + name)).append("),\n");
        }
        return "using Workerd = import \"/workerd/workerd.capnp\";\n"
                + "\n"
                + "const config :Workerd.Config = (\n"
                + "  services = [(name = \"main\", worker = .worker)"
                + (spill ? ", (name = \"spill-disk\", disk = (path = " + quote(spillDir.toString()) + ", writable = true))" : "")
                + "],\n"
                + "  sockets = [(name = \"http\", address = \"127.0.0.1:" + port + "\", http = (), service = \"main\")],\n"
                + ");\n"
                + "\n"
                + "const worker :Workerd.Worker = (\n"
                + "  modules = [\n"
                + modules
                + "  ],\n"
                + "  compatibilityDate = " + quote(WranglerCompatibility.HOST.date()) + ",\n"
                + "  compatibilityFlags = [" + String.join(", ", WranglerCompatibility.HOST.flags().stream()
                        .map(WorkerdConfig::quote).toList()) + "],\n"
                + (bindings.isEmpty() ? "" : "  bindings = [" + String.join(", ", bindings) + "],\n")
                + (spill ? "  durableObjectNamespaces = [(className = " + quote(SPILL_CLASS)
                        + ", uniqueKey = \"flowconf-spill\", enableSql = true)],\n"
                        + "  durableObjectStorage = (localDisk = \"spill-disk\"),\n" : "")
                + ");\n";
    }

    private static List<String> moduleNames(Path moduleDir) throws IOException {
        List<String> names = new ArrayList<>();
        names.add(ENTRY_MODULE);
        try (Stream<Path> files = Files.list(moduleDir)) {
            files.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .filter(name -> (name.endsWith(".js") || name.endsWith(".mjs") || name.endsWith(".json")
                            || name.endsWith(".wasm")) && !name.equals(ENTRY_MODULE))
                    .sorted()
                    .forEach(names::add);
        }
        return names;
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
