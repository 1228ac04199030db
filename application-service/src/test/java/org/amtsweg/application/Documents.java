package org.amtsweg.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Small real files of the types intake accepts, made in memory. */
public final class Documents {

    private Documents() {}

    /** A minimal valid one-page PDF. */
    public static byte[] pdf() {
        return """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
                3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """.getBytes(StandardCharsets.US_ASCII);
    }

    /** The PNG signature and header: what a PNG's first bytes look like. */
    public static byte[] png() {
        byte[] png = new byte[64];
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        System.arraycopy(header, 0, png, 0, header.length);
        return png;
    }

    /** A one-page PDF made with PDFBox, changed by {@code shape} before it is saved (an action added, a file embedded, …). */
    public static byte[] builtPdf(PdfShape shape) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (var content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText("Mietbescheinigung");
                content.endText();
            }
            shape.apply(document, page);
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A change to a PDF under construction. */
    @FunctionalInterface
    public interface PdfShape {
        void apply(PDDocument document, PDPage page) throws IOException;
    }

    public static byte[] ofSize(int bytes) {
        byte[] content = Arrays.copyOf(pdf(), bytes);
        Arrays.fill(content, pdf().length, bytes, (byte) ' ');
        return content;
    }
}
