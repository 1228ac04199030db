package org.amtsweg.resourceserver.http;

import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A document handed out by a service — a citizen's upload, a receipt, a decision notice — the same way
 * everywhere: as an attachment under its name (RFC 6266, the name in UTF-8 by RFC 8187), never rendered
 * by the browser in the service's origin (no sniffing, a sandboxing CSP should it be opened anyway), and,
 * where the service knows the document's SHA-256, with {@code Repr-Digest} (RFC 9530) so that the receiver
 * can check it got exactly what was submitted.
 */
public final class Download {

    private Download() {}

    public static Response of(byte[] content, String mediaType, String fileName) {
        return builder(content, mediaType, fileName).build();
    }

    /** The same, with the digest of the document as stored ({@code sha256}: lower-case hex). */
    public static Response of(byte[] content, String mediaType, String fileName, String sha256) {
        return builder(content, mediaType, fileName)
                .header(
                        "Repr-Digest",
                        "sha-256=:"
                                + Base64.getEncoder()
                                        .encodeToString(HexFormat.of().parseHex(sha256)) + ":")
                .build();
    }

    private static Response.ResponseBuilder builder(byte[] content, String mediaType, String fileName) {
        return Response.ok(content, mediaType)
                .header(
                        "Content-Disposition",
                        "attachment; filename*=UTF-8''"
                                + URLEncoder.encode(fileName, StandardCharsets.UTF_8)
                                        .replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox");
    }
}
