import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * Runs mongo-java-server on 127.0.0.1 until the process is stopped.
 *
 * <p>Usage: {@code MongoServerLauncher <port> h2 <file>} keeps the data in an H2 file between runs;
 * {@code MongoServerLauncher <port> memory} keeps it only while the process lives (tests).
 */
public final class MongoServerLauncher {

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2 || ("h2".equals(args[1]) && args.length < 3)) {
            System.err.println("usage: MongoServerLauncher <port> h2 <file> | MongoServerLauncher <port> memory");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        MongoBackend backend = switch (args[1]) {
            case "h2" -> new H2Backend(args[2]);
            case "memory" -> new MemoryBackend();
            default -> throw new IllegalArgumentException("unknown backend " + args[1] + " (h2 or memory)");
        };
        MongoServer server = new MongoServer(backend);
        CountDownLatch stopped = new CountDownLatch(1);
        // closing the backend on SIGTERM is what writes the H2 file out completely
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow();
            stopped.countDown();
        }, "mongo-shutdown"));
        // One worker thread: mongo-java-server changes stored documents in place, so with several a
        // reply being written could show a document half-way through another client's update. On one
        // thread every request sees each document before or after each change, as MongoDB guarantees.
        server.bind(new InetSocketAddress("127.0.0.1", port), 1, 1);
        System.out.println("mongo-java-server (" + args[1] + " backend) listening on 127.0.0.1:" + port);
        stopped.await();
    }
}
