import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small HTTP/1.1 load driver, run as a single-file program: {@code java bench/LoadDriver.java
 * <name> <clients> <requests> <maxSeconds> <token> <METHOD url|body>...}. Each client sends its
 * requests one after the other over its own keep-alive connection, cycling through the given
 * targets (a target is "GET url" or "POST url json"; {i} in either becomes the request's number);
 * a warm-up of 5% is not counted. Prints p50/p95/p99 latency and throughput.
 *
 * <p>It writes requests and reads responses on plain blocking sockets: the driver shares the
 * machine's two cores with the server and the database, and the JDK's HttpClient spent most of
 * a core at a few hundred requests per second, time the server did not get.
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
        int warmup = Math.max(clients, requests / 20);
        run(token, targets, clients, warmup, maxNanos, new long[warmup], new AtomicInteger(), new AtomicLong());
        long[] latencies = new long[requests];
        AtomicInteger done = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        run(token, targets, clients, requests, maxNanos, latencies, done, errors);
        double seconds = (System.nanoTime() - start) / 1e9;
        // requests not sent before the deadline have no latency
        long[] measured = Arrays.stream(latencies).filter(l -> l > 0).toArray();
        int n = measured.length;
        Arrays.sort(measured);
        System.out.printf("%-28s clients=%d requests=%d errors=%d p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms throughput=%.0f/s%n",
                name, clients, n, errors.get(), pct(measured, 50), pct(measured, 95), pct(measured, 99),
                n == 0 ? 0 : measured[n - 1] / 1e6, n / seconds);
    }

    private static void run(String token, List<String[]> targets, int clients, int requests, long maxNanos,
                            long[] latencies, AtomicInteger next, AtomicLong errors) throws InterruptedException {
        long deadline = System.nanoTime() + maxNanos;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                Connection connection = new Connection();
                int i;
                while ((i = next.getAndIncrement()) < requests && System.nanoTime() < deadline) {
                    String[] target = targets.get(i % targets.size());
                    String n = Integer.toString(i);
                    URI uri = URI.create(target[1].replace("{i}", n));
                    byte[] body = target.length > 2 ? target[2].replace("{i}", n).getBytes(StandardCharsets.UTF_8) : null;
                    long s = System.nanoTime();
                    try {
                        if (connection.send(uri, target[0], token, body) >= 400) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException | RuntimeException e) {
                        errors.incrementAndGet();
                        connection.close();
                    }
                    latencies[i] = System.nanoTime() - s;
                }
                connection.close();
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    /** One keep-alive connection; reopened when the server closes it. */
    private static final class Connection {
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private final StringBuilder line = new StringBuilder();

        int send(URI uri, String method, String token, byte[] body) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(30_000);
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort()), 5_000);
                in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                out = socket.getOutputStream();
            }
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                    .append("Authorization: Bearer ").append(token).append("\r\n")
                    .append("Accept: */*\r\n");
            if (body != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
            if (body == null) {
                out.write(h);
            } else {
                byte[] all = Arrays.copyOf(h, h.length + body.length);
                System.arraycopy(body, 0, all, h.length, body.length);
                out.write(all);
            }
            out.flush();
            String status = readLine();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = readLine(); !header.isEmpty(); header = readLine()) {
                int colon = header.indexOf(':');
                String key = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (key.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (key.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                } else if (key.equalsIgnoreCase("Connection")) {
                    close = value.equalsIgnoreCase("close");
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(readLine().trim(), 16); size > 0; size = Long.parseLong(readLine().trim(), 16)) {
                    skip(size);
                    readLine();
                }
                while (!readLine().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                skip(length);
            } else if (length < 0 && code != 204 && code != 304) {
                close = true;
                while (in.read() >= 0) {
                    // body until the server closes
                }
            }
            if (close) {
                close();
            }
            return code;
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                long k = in.skip(n);
                if (k <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed in a response body");
                    }
                    k = 1;
                }
                n -= k;
            }
        }

        private String readLine() throws IOException {
            line.setLength(0);
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
                socket = null;
            }
        }
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
