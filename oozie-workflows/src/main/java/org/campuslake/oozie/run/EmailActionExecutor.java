package org.campuslake.oozie.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.util.Map;

/** The {@code email} action. Logged, not sent: the run's {@code email.log} and the action's log hold it. */
final class EmailActionExecutor extends ActionExecutor {
    @Override
    Outcome run(Attempt a) throws IOException {
        String cc = Xml.childText(a.body(), "cc");
        String text = "Date: " + ZonedDateTime.now() + "\nTo: " + a.eval().apply(Xml.childText(a.body(), "to")) + "\n"
                + (cc == null ? "" : "Cc: " + a.eval().apply(cc) + "\n")
                + "Subject: " + a.eval().apply(Xml.childText(a.body(), "subject")) + "\n\n"
                + a.eval().apply(Xml.childText(a.body(), "body")) + "\n\n";
        Files.writeString(a.log(), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Path mailbox = a.log().getParent().getParent().resolve("email.log");
        synchronized (EmailActionExecutor.class) {
            Files.writeString(mailbox, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return Outcome.ok(Map.of());
    }
}
