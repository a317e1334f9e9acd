package dev.flowconf.kernel.teavm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** One generated compilation unit. */
final class JavaSource {
    final String packageName;
    final String simpleName;
    final String text;

    JavaSource(String packageName, String simpleName, String text) {
        this.packageName = packageName;
        this.simpleName = simpleName;
        this.text = text;
    }

    String qualifiedName() {
        return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
    }

    /** Writes it where javac expects it under a source root. */
    Path writeUnder(Path sourceRoot) throws IOException {
        Path file = sourceRoot.resolve(packageName.replace('.', '/')).resolve(simpleName + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
