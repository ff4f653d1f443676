package org.campuslake.seed;

/** Progress of long work, reported to whoever shows it (a progress bar in the CLI, nothing in tests). */
public interface Progress {
    void begin(String task, long total);

    void advance(long n);

    void end();

    Progress NONE = new Progress() {
        public void begin(String task, long total) {}
        public void advance(long n) {}
        public void end() {}
    };
}
