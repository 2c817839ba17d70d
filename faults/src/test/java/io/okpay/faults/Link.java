package io.okpay.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A network link the suite can cut: a TCP proxy on 127.0.0.1 in front of a server (the database, the mail server).
 * {@link #cut} refuses new connections and breaks the open ones, as a pulled cable or a firewall would; {@link #mend}
 * lets connections through again on the same port.
 */
final class Link implements AutoCloseable {

    private final int listenPort;
    private final int serverPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faults-link");
        t.setDaemon(true);
        return t;
    });
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;

    Link(int listenPort, int serverPort) throws IOException {
        this.listenPort = listenPort;
        this.serverPort = serverPort;
        mend();
    }

    int port() {
        return listenPort;
    }

    /** Lets connections through (again). */
    synchronized void mend() throws IOException {
        if (listener != null && !listener.isClosed()) {
            return;
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort), 200);
        listener = socket;
        threads.execute(() -> accept(socket));
    }

    /** Refuses new connections (connection refused) and breaks the open ones. */
    synchronized void cut() {
        close(listener);
        open.forEach(Link::close);
        open.clear();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket caller = socket.accept();
                Socket server;
                try {
                    server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                } catch (IOException unreachable) {
                    close(caller);
                    continue;
                }
                open.add(caller);
                open.add(server);
                threads.execute(() -> pipe(caller, server));
                threads.execute(() -> pipe(server, caller));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ended) {
            // one side closed or the link was cut: the other side follows
        } finally {
            close(from);
            close(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void close(java.io.Closeable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        cut();
        threads.shutdownNow();
    }
}
