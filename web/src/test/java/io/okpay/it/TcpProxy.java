package io.okpay.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The test server behind a port of its own on 127.0.0.1, byte for byte: closing the proxy makes OKPay unreachable
 * for whoever uses that port (connection refused), as a phone that loses its network, while every other test goes on
 * using the server.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final String host;
    private final int port;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private TcpProxy(URL server) throws IOException {
        host = server.getHost();
        port = server.getPort();
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    /** Starts passing connections on to the server at {@code server}. */
    public static TcpProxy to(URL server) throws IOException {
        return new TcpProxy(server);
    }

    /** The proxy's own address, {@code http://127.0.0.1:<port>/}. */
    public String base() {
        return "http://127.0.0.1:" + listener.getLocalPort() + "/";
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket caller = listener.accept();
                Socket server = new Socket(host, port);
                open.add(caller);
                open.add(server);
                threads.execute(() -> pipe(caller, server));
                threads.execute(() -> pipe(server, caller));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ended) {
            // one side closed: the other follows
        } finally {
            close(from);
            close(to);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** Refuses new connections and cuts the open ones. */
    @Override
    public void close() throws IOException {
        listener.close();
        open.forEach(TcpProxy::close);
        threads.shutdownNow();
    }
}
