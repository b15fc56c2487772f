package io.mall.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure the real servers a test needs are listening, starting them with the project's own
 * script when they are not. {@code ./mall test} starts them before Maven runs, so this only does
 * work when a single module's tests are run by hand.
 */
public final class LocalServers {

    private static final long START_TIMEOUT_MINUTES = 10;

    private LocalServers() {
    }

    public static synchronized void ensureUp(Collection<LocalServer> servers) {
        List<String> missing = new ArrayList<>();
        for (LocalServer server : servers) {
            if (!server.isListening()) {
                missing.add(server.scriptName());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        script("up", missing);
    }

    /**
     * Stops a server, for a test of what a service does while it is away. The test starts it again
     * with {@link #ensureUp}; the server keeps its data.
     */
    public static synchronized void stop(LocalServer server) {
        script("down", List.of(server.scriptName()));
    }

    private static void script(String verb, List<String> servers) {
        Path script = repositoryRoot().resolve("infra/local/servers.sh");
        List<String> command = new ArrayList<>(List.of("bash", script.toString(), verb));
        command.addAll(servers);
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            if (!process.waitFor(START_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("infra/local/servers.sh " + verb + " " + servers + " did not finish in "
                        + START_TIMEOUT_MINUTES + " minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("infra/local/servers.sh " + verb + " " + servers + " failed (exit "
                        + process.exitValue() + "); see its output above");
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running servers.sh " + verb + " " + servers, e);
        }
    }

    /**
     * A loopback port nothing listens on at this moment: free for a server a test starts, or one
     * that refuses connections, for a test of a store that is down.
     */
    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The checkout's top folder: the nearest parent of the working directory that holds the mall script. */
    static Path repositoryRoot() {
        Path dir = new File("").getAbsoluteFile().toPath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("infra/local/servers.sh"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no infra/local/servers.sh above " + dir
                + "; run the tests from inside the Mall checkout");
    }
}
