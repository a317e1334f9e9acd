package dev.flowconf.kernel.exec;

/** Counts running node tasks so shutdown can wait for all of them (portable: no j.u.concurrent). */
final class TaskLatch {
    private int running;

    synchronized void started() { running++; }

    synchronized void finished() {
        running--;
        notifyAll();
    }

    synchronized void await() throws InterruptedException {
        while (running > 0) wait();
    }

    synchronized int running() { return running; }
}
