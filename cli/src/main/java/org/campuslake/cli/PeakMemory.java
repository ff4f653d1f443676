package org.campuslake.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples the resident memory of this JVM and every process it started (the runner's action JVMs) from
 * {@code /proc}, and keeps the peak of their sum: what the chain needs at once on one machine.
 */
final class PeakMemory implements AutoCloseable {
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long peakBytes;

    PeakMemory() {
        sampler = new Thread(() -> {
            while (running) {
                long total = rss(ProcessHandle.current().pid());
                for (ProcessHandle h : ProcessHandle.current().descendants().toList()) {
                    total += rss(h.pid());
                }
                peakBytes = Math.max(peakBytes, total);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "peak-memory");
        sampler.setDaemon(true);
        sampler.start();
    }

    long peakBytes() {
        return peakBytes;
    }

    private static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between the listing and the read
        }
        return 0;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join(1000);
    }
}
