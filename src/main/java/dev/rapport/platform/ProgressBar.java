package dev.rapport.platform;

import java.io.PrintStream;

/**
 * Progress of a long command-line job. On a terminal it redraws one line
 * ({@code \r<label> [#####.....] 45% 450000/1000000}); when output is redirected to a file or a
 * pipe it prints a line every 10% instead, so logs stay readable.
 */
public class ProgressBar {

    private static final int WIDTH = 30;

    private final String label;
    private final long total;
    private final boolean terminal;
    private final PrintStream out;
    private int lastShown = -1;

    public ProgressBar(String label, long total) {
        this(label, total, System.console() != null, System.out);
    }

    ProgressBar(String label, long total, boolean terminal, PrintStream out) {
        this.label = label;
        this.total = Math.max(1, total);
        this.terminal = terminal;
        this.out = out;
    }

    /** Reports that {@code done} of the total units are finished. */
    public void step(long done) {
        step(done, done + "/" + total);
    }

    /**
     * Reports progress with its own text after the percentage, for work measured in units people
     * do not count in (bytes of a file) but described in ones they do ("450000 rows").
     */
    public void step(long done, String detail) {
        int percent = (int) Math.min(100, done * 100 / total);
        if (terminal) {
            // redraw only when the bar changes: printing per row would cost more than the work
            if (percent != lastShown) {
                int filled = percent * WIDTH / 100;
                out.print("\r" + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + percent + "% " + detail);
                out.flush();
                lastShown = percent;
            }
        } else if (percent / 10 != lastShown / 10 || lastShown < 0) {
            out.println(label + " " + percent + "% " + detail);
            lastShown = percent;
        }
    }

    public void finish() {
        finish(total + "/" + total);
    }

    /** Shows 100% with the given final text. */
    public void finish(String detail) {
        if (lastShown < 100) {
            step(total, detail);
        }
        if (terminal) {
            out.println();
        }
    }
}
