package org.campuslake.oozie.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.w3c.dom.Element;

/** The {@code fs} action, run by the runner itself as the Oozie server runs it: delete, mkdir, touchz, move. */
final class FsActionExecutor extends ActionExecutor {
    @Override
    Outcome run(Attempt a) throws IOException {
        for (Element op : Xml.children(a.body())) {
            Path p = op.hasAttribute("path") ? LocalPaths.of(null, a.eval().apply(op.getAttribute("path"))) : null;
            switch (op.getLocalName()) {
                case "delete" -> LocalPaths.deleteTree(p);
                case "mkdir" -> Files.createDirectories(p);
                case "touchz" -> {
                    Files.createDirectories(p.getParent());
                    Files.write(p, new byte[0], StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                case "move" -> Files.move(LocalPaths.of(null, a.eval().apply(op.getAttribute("source"))),
                        LocalPaths.of(null, a.eval().apply(op.getAttribute("target"))));
                case "name-node", "configuration", "job-xml" -> { }
                default -> {
                    return Outcome.failed("FS001", "fs " + op.getLocalName() + " is not supported by the local runner");
                }
            }
            Files.writeString(a.log(), "fs " + op.getLocalName() + " " + p + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return Outcome.ok(Map.of());
    }
}
