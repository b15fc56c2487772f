package io.mall.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** A real server on this machine that tests talk to, as started by {@code infra/local/servers.sh}. */
public enum LocalServer {

    POSTGRES("postgres", 5432),
    REDIS("redis", 6379),
    KAFKA("kafka", 9092),
    MONGO("mongo", 27017),
    SMTP("smtp", 2525);

    public static final String HOST = "127.0.0.1";

    private final String scriptName;
    private final int port;

    LocalServer(String scriptName, int port) {
        this.scriptName = scriptName;
        this.port = port;
    }

    /** The name {@code infra/local/servers.sh} knows this server by. */
    public String scriptName() {
        return scriptName;
    }

    public int port() {
        return port;
    }

    public boolean isListening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException notListening) {
            return false;
        }
    }

    public static LocalServer byScriptName(String name) {
        for (LocalServer server : values()) {
            if (server.scriptName.equals(name.trim())) {
                return server;
            }
        }
        throw new IllegalArgumentException("unknown local server '" + name + "'");
    }
}
