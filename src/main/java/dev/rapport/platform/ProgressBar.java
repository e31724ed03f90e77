package dev.rapport.platform;

import java.io.PrintStream;

/**
 * A progress bar for command-line jobs. On a terminal it redraws one line
 * ({@code \r[#####.....] 45% 450000/1000000 rows}); when output goes to a file or pipe it prints a
 * plain line at every further 10%, so logs stay readable.
 */
public class ProgressBar {

    private static final int WIDTH = 30;

    private final String label;
    private final long total;
    private final PrintStream out;
    private final boolean terminal;
    private int lastTenth = -1;
    private int lastPercent = -1;

    public ProgressBar(String label, long total) {
        this(label, total, System.out, System.console() != null);
    }

    ProgressBar(String label, long total, PrintStream out, boolean terminal) {
        this.label = label;
        this.total = total;
        this.out = out;
        this.terminal = terminal;
    }

    /** Shows that {@code done} of the total units are finished. */
    public void step(long done) {
        int percent = total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
        if (terminal) {
            if (percent != lastPercent) {
                int filled = percent * WIDTH / 100;
                out.print("\r" + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + percent + "% "
                        + done + "/" + total + " rows");
                out.flush();
                lastPercent = percent;
            }
        } else if (percent / 10 > lastTenth) {
            lastTenth = percent / 10;
            out.println(label + " " + percent + "% " + done + "/" + total + " rows");
        }
    }

    /** Ends the bar at 100% and moves to a new line. */
    public void finish() {
        step(total);
        if (terminal) {
            out.println();
        }
    }
}
