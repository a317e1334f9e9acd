package dev.flowconf.kernel.teavm;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.teavm.tooling.TeaVMToolLog;

/** TeaVM's log for the build output: warnings and errors only, errors also kept so the build can fail on them. */
final class ConsoleTeaVmLog implements TeaVMToolLog {
    private final List<String> errors = new ArrayList<>();

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    @Override
    public void info(String text) {
    }

    @Override
    public void debug(String text) {
    }

    @Override
    public void warning(String text) {
        System.out.println("[teavm-tests] TeaVM warning: " + text);
    }

    @Override
    public void error(String text) {
        errors.add(text);
        System.out.println("[teavm-tests] TeaVM error: " + text);
    }

    @Override
    public void info(String text, Throwable e) {
    }

    @Override
    public void debug(String text, Throwable e) {
    }

    @Override
    public void warning(String text, Throwable e) {
        warning(text + ": " + e);
    }

    @Override
    public void error(String text, Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        error(text + ": " + trace);
    }
}
