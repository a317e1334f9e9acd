package dev.flowconf.kernel.teavm;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.teavm.backend.javascript.JSModuleType;
import org.teavm.tooling.TeaVMProblemRenderer;
import org.teavm.tooling.TeaVMTargetType;
import org.teavm.tooling.TeaVMTool;
import org.teavm.vm.TeaVMOptimizationLevel;

/**
 * Step 3b of the TeaVM run: compiles the suite's main class and all it reaches (kernel, test classes, JUnit's
 * assertions, {@link PortableSuite}) with the Workers host's settings, for one of the two backends the host is built
 * with: an ES2015 module (the JavaScript build, run by node) or a Wasm GC module (the Worker's, run in workerd).
 */
final class TeaVmCompiler {
    /** A TeaVM backend, and where its module lands under the output directory. */
    enum Backend {
        JAVASCRIPT("js", "kernel-tests.js", TeaVMTargetType.JAVASCRIPT),
        WASM_GC("wasm", "kernel-tests.wasm", TeaVMTargetType.WEBASSEMBLY_GC);

        final String directory;
        final String moduleFile;
        final TeaVMTargetType targetType;

        Backend(String directory, String moduleFile, TeaVMTargetType targetType) {
            this.directory = directory;
            this.moduleFile = moduleFile;
            this.targetType = targetType;
        }

        /** "js" or "wasm", as the build's arguments name them. */
        static Backend named(String name) {
            for (Backend backend : values()) {
                if (backend.directory.equals(name)) {
                    return backend;
                }
            }
            throw new IllegalArgumentException("no TeaVM backend named " + name + " (js, wasm)");
        }
    }

    private final TeaVMOptimizationLevel level;
    private final boolean minify;
    final Backend backend;

    TeaVmCompiler(TeaVMOptimizationLevel level, boolean minify, Backend backend) {
        this.level = level;
        this.minify = minify;
        this.backend = backend;
    }

    /** How the build log names these settings, e.g. "ADVANCED minified". */
    String describe() {
        return backend + " " + level + (minify ? " minified" : "");
    }

    /** Compiles {@code mainClass} from {@code classes} plus the test class path into {@code target}. */
    boolean compile(String mainClass, Path classes, String classPath, Path target) throws Exception {
        List<File> entries = new ArrayList<>();
        entries.add(classes.toFile());
        for (String entry : classPath.split(File.pathSeparator)) {
            entries.add(new File(entry));
        }
        URL[] urls = new URL[entries.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = entries.get(i).toURI().toURL();
        }
        ConsoleTeaVmLog log = new ConsoleTeaVmLog();
        try (URLClassLoader loader = new URLClassLoader(urls, TeaVmCompiler.class.getClassLoader())) {
            TeaVMTool tool = new TeaVMTool();
            tool.setLog(log);
            tool.setTargetType(backend.targetType);
            tool.setJsModuleType(JSModuleType.ES2015);
            tool.setMainClass(mainClass);
            tool.setEntryPointName("main");
            tool.setTargetDirectory(target.toFile());
            tool.setTargetFileName(backend.moduleFile);
            tool.setClassLoader(loader);
            tool.setClassPath(entries);
            tool.setOptimizationLevel(level);
            tool.setObfuscated(minify);
            tool.setSourceMapsFileGenerated(false);
            tool.setDebugInformationGenerated(false);
            tool.generate();
            if (!tool.getProblemProvider().getSevereProblems().isEmpty()) {
                TeaVMProblemRenderer.describeProblems(tool.getDependencyInfo().getCallGraph(),
                        tool.getProblemProvider(), log);
                System.out.println("[teavm-tests] TeaVM could not compile the kernel tests. If a test reaches code"
                        + " that only exists on the JVM on purpose (files, MessageDigest, a JVM library), tag it"
                        + " @Tag(\"" + InvocationRecorder.JVM_ONLY + "\"); otherwise the kernel is not portable.");
                return false;
            }
        }
        return !log.hasErrors();
    }
}
