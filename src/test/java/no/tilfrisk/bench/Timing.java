package no.tilfrisk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** Server-time measurement for the benchmarks: warm-up, then n timed calls; percentiles with the load average. */
final class Timing {

    interface Call {
        void run() throws Exception;
    }

    /** Sorted milliseconds of the calls, and the one-minute load average before and after them. */
    record Result(double[] ms, String load) {

        double p(double q) {
            return ms[Math.min(ms.length - 1, (int) (ms.length * q))];
        }
    }

    private Timing() {
    }

    static Result measure(int n, int warmUp, Call call) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            call.run();
        }
        String before = loadAverage();
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new Result(ms, before + "–" + loadAverage());
    }

    static void print(String prefix, String what, Result r) {
        System.out.printf(Locale.ROOT, "%s, %s: %d calls, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (load average %s)%n",
                prefix, what, r.ms().length, r.p(0.5), r.p(0.95), r.p(0.99), r.load());
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
