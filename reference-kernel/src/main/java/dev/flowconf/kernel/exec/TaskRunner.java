package dev.flowconf.kernel.exec;

/**
 * Where node tasks run. The kernel starts a thread per task (which TeaVM turns into a green
 * thread); a JVM host can hand in a pool so a run does not pay for thread creation.
 */
@FunctionalInterface
public interface TaskRunner {
    void run(String name, Runnable task);

    TaskRunner THREAD_PER_TASK = (name, task) -> {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    };
}
