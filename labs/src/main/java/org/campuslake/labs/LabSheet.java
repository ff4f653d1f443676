package org.campuslake.labs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A lab's sheet, as the tests read it: its command blocks marked runnable (```bash runnable, ```sql runnable), which
 * the lab's test runs in order on a lake in the lab's starting state, so a renamed command breaks the build.
 */
public final class LabSheet {
    /** A runnable block: "bash" (run with bash in the project's folder) or "sql" (run with ./lake beeline -f); line: its fence's. */
    public record Block(String language, String text, int line) {}

    private LabSheet() {}

    public static List<Block> runnable(Path sheet) throws IOException {
        List<Block> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(sheet);
        for (int i = 0; i < lines.size(); i++) {
            String fence = lines.get(i).strip();
            if (!fence.startsWith("```") || fence.length() == 3) {
                continue;
            }
            String[] info = fence.substring(3).strip().split("\\s+");
            StringBuilder body = new StringBuilder();
            int start = i + 1;
            for (i = start; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                body.append(lines.get(i)).append('\n');
            }
            if (i == lines.size()) {
                throw new IllegalArgumentException(sheet + ":" + start + ": a code block is not closed");
            }
            if (info.length > 1 && info[1].equals("runnable")) {
                if (!info[0].equals("bash") && !info[0].equals("sql")) {
                    throw new IllegalArgumentException(sheet + ":" + start + ": a runnable block is bash or sql, not "
                            + info[0]);
                }
                out.add(new Block(info[0], body.toString(), start));
            }
        }
        return out;
    }
}
