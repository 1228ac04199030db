package org.amtsweg.application.attachment;

import jakarta.ws.rs.core.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/** An attachment's metadata; the content is fetched separately. */
public record StoredAttachment(UUID id, String kind, String fileName, String mediaType, long size, String sha256, OffsetDateTime uploadedAt) {

    /**
     * The content as a download under its (sanitised) name. Uploaded files are never rendered by the
     * browser in our origin: attachment disposition, no sniffing, a sandboxing CSP.
     */
    public Response download(byte[] content) {
        return Response.ok(content, mediaType)
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                // RFC 9530: the receiver can check it got the document the citizen submitted.
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":")
                .build();
    }
}
