package dev.flowconf.kernel.teavm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** What {@link SuiteSourceGenerator} made of a {@link DiscoveredSuite}: the sources and what it could not write. */
final class GeneratedSources {
    /** One registrar per portable test class, then the suite's main class. */
    final List<JavaSource> sources;
    /** Tests no generated call can reproduce; any one of them fails the build. */
    final List<String> problems;

    GeneratedSources(List<JavaSource> sources, List<String> problems) {
        this.sources = List.copyOf(sources);
        this.problems = List.copyOf(problems);
    }

    /** The generated source of a class, by qualified name. */
    JavaSource source(String qualifiedName) {
        return sources.stream().filter(s -> s.qualifiedName().equals(qualifiedName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no generated class " + qualifiedName));
    }

    void writeUnder(Path sourceRoot) throws IOException {
        for (JavaSource source : sources) {
            source.writeUnder(sourceRoot);
        }
    }
}
