package org.amtsweg.application.attachment;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Asks a ClamAV daemon whether a document is clean, over clamd's {@code INSTREAM} protocol: the
 * command, the content in length-prefixed chunks, a zero-length chunk, then one reply line
 * ({@code stream: OK} or {@code stream: <signature> FOUND}).
 */
public class ClamdScanner {

    /** The verdict on one document. */
    public record Verdict(boolean clean, String signature) {}

    private static final int CHUNK = 64 * 1024;

    private final Vertx vertx;
    private final String host;
    private final int port;
    private final Duration timeout;

    public ClamdScanner(Vertx vertx, String host, int port, Duration timeout) {
        this.vertx = vertx;
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    public Uni<Verdict> scan(byte[] content) {
        NetClientOptions options = new NetClientOptions().setConnectTimeout((int) timeout.toMillis());
        return vertx.createNetClient(options)
                .connect(port, host)
                .chain(socket -> exchange(socket, content).eventually(socket::close))
                .ifNoItem()
                .after(timeout)
                .failWith(() -> new IllegalStateException("clamd did not answer within " + timeout));
    }

    private static Uni<Verdict> exchange(NetSocket socket, byte[] content) {
        Buffer request = Buffer.buffer().appendString("zINSTREAM\0", StandardCharsets.US_ASCII.name());
        for (int offset = 0; offset < content.length; offset += CHUNK) {
            int length = Math.min(CHUNK, content.length - offset);
            request.appendInt(length).appendBytes(content, offset, length);
        }
        request.appendInt(0);
        StringBuilder reply = new StringBuilder();
        Uni<Verdict> verdict = Uni.createFrom().emitter(emitter -> {
            socket.handler(chunk -> {
                reply.append(chunk.toString(StandardCharsets.US_ASCII));
                int end = reply.indexOf("\0");
                if (end >= 0) {
                    emitter.complete(verdict(reply.substring(0, end).trim()));
                }
            });
            socket.exceptionHandler(emitter::fail);
            socket.closeHandler(() -> emitter.fail(new IllegalStateException("clamd closed the connection: " + reply)));
        });
        return socket.write(io.vertx.mutiny.core.buffer.Buffer.newInstance(request))
                .chain(() -> verdict);
    }

    static Verdict verdict(String line) {
        if (line.endsWith(" OK")) {
            return new Verdict(true, null);
        }
        if (line.endsWith(" FOUND")) {
            String signature = line.substring(line.indexOf(':') + 1, line.length() - " FOUND".length())
                    .trim();
            return new Verdict(false, signature);
        }
        throw new IllegalStateException("clamd answered: " + line);
    }
}
