package org.odyssey.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Starts an embedded Neo4j Community DBMS with only the Bolt connector, bound to 127.0.0.1.
 *
 * <p>Why: Odyssey's tests, CI and benchmarks need a real Neo4j 5.26 where Docker is not
 * available. Usage: {@code Launcher [--port N] [--data DIR] [--password PW] [--pagecache MB]}.
 * Port 0 (the default) picks a free port. Without --data the data live in a temporary folder
 * that is deleted on exit. With --password (or $NEO4J_PASSWORD) auth is on for user neo4j;
 * otherwise auth is off. When Bolt accepts connections it prints one line
 * {@code READY bolt://127.0.0.1:PORT} on stdout. It shuts down cleanly on SIGTERM/SIGINT or
 * when its stdin closes (so it never outlives the process that started it).
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) throws Exception {
        int port = 0;
        Path data = null;
        String password = System.getenv("NEO4J_PASSWORD");
        long pagecacheMb = 256;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> { port = Integer.parseInt(value); i++; }
                case "--data" -> { data = Path.of(value); i++; }
                case "--password" -> { password = value; i++; }
                case "--pagecache" -> { pagecacheMb = Long.parseLong(value); i++; }
                default -> {
                    System.err.println("error: unknown argument " + args[i]
                            + "; use --port N --data DIR --password PW --pagecache MB");
                    System.exit(2);
                }
            }
        }
        boolean temporary = data == null;
        Path home = temporary ? Files.createTempDirectory("odyssey-neo4j-") : data;
        if (port == 0) {
            port = freePort();
        }
        boolean auth = password != null && !password.isEmpty();
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, auth)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pagecacheMb))
                .build();
        if (auth) {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        }
        final Path toDelete = temporary ? home : null;
        Thread stopper = new Thread(() -> stop(dbms, toDelete), "odyssey-neo4j-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        System.out.println("READY bolt://127.0.0.1:" + port);
        System.out.flush();
        waitForStdinToClose(System.in);
        System.exit(0); // runs the shutdown hook
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    private static void waitForStdinToClose(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // input is ignored: only its end matters
            }
        } catch (IOException ignored) {
            // a broken pipe means the parent is gone: shut down
        }
    }

    private static synchronized void stop(DatabaseManagementService dbms, Path toDelete) {
        try {
            dbms.shutdown();
        } catch (RuntimeException err) {
            System.err.println("warning: Neo4j shutdown: " + err.getMessage());
        }
        if (toDelete != null) {
            try (Stream<Path> paths = Files.walk(toDelete)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp folder left behind is harmless
            }
        }
        System.out.println("STOPPED");
        System.out.flush();
    }
}
