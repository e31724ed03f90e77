import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small HTTP load driver, run as a single-file program: {@code java bench/LoadDriver.java
 * <name> <clients> <requests> <maxSeconds> <token> <METHOD url|body>...}. Each client sends its
 * requests one after the other, cycling through the given targets (a target is "GET url" or
 * "POST url json"); a warm-up of 5% is not counted. Prints p50/p95/p99 latency and throughput.
 */
public class LoadDriver {

    public static void main(String[] args) throws Exception {
        String name = args[0];
        int clients = Integer.parseInt(args[1]);
        int requests = Integer.parseInt(args[2]);
        long maxNanos = Duration.ofSeconds(Long.parseLong(args[3])).toNanos();
        String token = args[4];
        List<String[]> targets = new ArrayList<>();
        for (int i = 5; i < args.length; i++) {
            targets.add(args[i].split(" ", 3));
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        int warmup = Math.max(clients, requests / 20);
        run(http, token, targets, clients, warmup, maxNanos, new long[warmup], new AtomicInteger(), new AtomicLong());
        long[] latencies = new long[requests];
        AtomicInteger done = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        run(http, token, targets, clients, requests, maxNanos, latencies, done, errors);
        double seconds = (System.nanoTime() - start) / 1e9;
        // requests not sent before the deadline have no latency
        long[] measured = Arrays.stream(latencies).filter(l -> l > 0).toArray();
        int n = measured.length;
        Arrays.sort(measured);
        System.out.printf("%-28s clients=%d requests=%d errors=%d p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms throughput=%.0f/s%n",
                name, clients, n, errors.get(), pct(measured, 50), pct(measured, 95), pct(measured, 99),
                n == 0 ? 0 : measured[n - 1] / 1e6, n / seconds);
    }

    private static void run(HttpClient http, String token, List<String[]> targets, int clients, int requests, long maxNanos,
                            long[] latencies, AtomicInteger next, AtomicLong errors) throws InterruptedException {
        long deadline = System.nanoTime() + maxNanos;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < requests && System.nanoTime() < deadline) {
                    String[] t = targets.get(i % targets.size());
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t[1].replace("{i}", Integer.toString(i))))
                            .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
                    if (t[0].equals("POST")) {
                        b.header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(t[2].replace("{i}", Integer.toString(i))));
                    }
                    long s = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() >= 400) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - s;
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS);
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
