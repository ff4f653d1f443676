package org.campuslake.oozie.run;

/** What a run reports while it goes: the terminal shows it as progress. */
public interface RunListener {
    /** A coordinator action's workflow starts, or a coordinator action cannot start (status and why). */
    void workflow(String label, String status, String detail);

    /** An action starts ({@code status} RUNNING), is retried, or ends (OK, ERROR); detail: counters or error. */
    void action(String label, String action, String type, String status, String detail);
}
