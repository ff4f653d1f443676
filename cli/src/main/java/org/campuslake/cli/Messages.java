package org.campuslake.cli;

import java.sql.SQLException;

final class Messages {
    private Messages() {}

    /** The most useful line of an exception chain: the deepest database message when there is one. */
    static String oneLine(Throwable e) {
        String msg = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null && msg == null) {
                msg = t.getMessage();
            }
        }
        if (msg == null) {
            msg = e.getClass().getSimpleName();
        }
        return msg.replace('\n', ' ');
    }
}
