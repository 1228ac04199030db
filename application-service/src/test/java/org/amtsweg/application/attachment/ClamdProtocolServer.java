package org.amtsweg.application.attachment;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A server speaking clamd's INSTREAM protocol over a real socket, for tests: it reads the command and
 * the length-prefixed chunks as clamd does and answers like clamd. ClamAV's signatures cannot be
 * fetched on this machine, so the one "virus" it knows is the EICAR test marker.
 */
final class ClamdProtocolServer implements AutoCloseable {

    static final byte[] EICAR =
            "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final Thread daemon;

    ClamdProtocolServer() throws IOException {
        server = new ServerSocket(0);
        daemon = new Thread(this::serve, "clamd-protocol-server");
        daemon.setDaemon(true);
        daemon.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                byte[] command = in.readNBytes(10);
                ByteArrayOutputStream received = new ByteArrayOutputStream();
                for (int length = in.readInt(); length > 0; length = in.readInt()) {
                    received.write(in.readNBytes(length));
                }
                String reply = !new String(command, StandardCharsets.US_ASCII).equals("zINSTREAM\0")
                        ? "UNKNOWN COMMAND\0"
                        : received.toString(StandardCharsets.US_ASCII).contains("EICAR-STANDARD-ANTIVIRUS-TEST-FILE")
                                ? "stream: Eicar-Test-Signature FOUND\0"
                                : "stream: OK\0";
                OutputStream out = socket.getOutputStream();
                out.write(reply.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
