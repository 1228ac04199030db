package org.amtsweg.application.documents;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A one-page PDF in the corporate identity of the responsible authority: its colour band with its
 * logo, its name and name line, its contact — made with Apache PDFBox. The operator of the platform appears nowhere.
 */
public final class BrandedPdf {

    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final float MARGIN = 56;

    private static final float LOGO_SIZE = 64;
    private static final int LOGO_PIXELS = 256;

    private final JsonNode authority;
    private final Optional<String> logoSvg;
    private final String title;
    private final List<String[]> lines = new ArrayList<>();

    private BrandedPdf(Letterhead letterhead, String title) {
        this.authority = letterhead.authority();
        this.logoSvg = letterhead.logoSvg();
        this.title = title;
    }

    public static BrandedPdf of(Letterhead letterhead, String title) {
        return new BrandedPdf(letterhead, title);
    }

    /** A labelled line, e.g. "Aktenzeichen" – "HA-2026-000001". */
    public BrandedPdf line(String label, String value) {
        lines.add(new String[] {label, value == null ? "" : value});
        return this;
    }

    /** A paragraph without label. */
    public BrandedPdf paragraph(String text) {
        lines.add(new String[] {null, text == null ? "" : text});
        return this;
    }

    public byte[] render() {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(title);
            info.setAuthor(authority.path("name").asText());
            document.setDocumentInformation(info);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            float width = page.getMediaBox().getWidth();
            float top = page.getMediaBox().getHeight();
            JsonNode branding = authority.path("branding");
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.setNonStrokingColor(
                        colour(branding.path("primaryColor").asText(), new Color(0x33, 0x33, 0x33)));
                content.addRect(0, top - 90, width, 90);
                content.fill();
                float nameX = MARGIN;
                Optional<BufferedImage> logo = logoSvg.flatMap(svg -> LogoImage.render(svg, LOGO_PIXELS));
                if (logo.isPresent()) {
                    PDImageXObject image = LosslessFactory.createFromImage(document, logo.get());
                    content.drawImage(image, MARGIN, top - 45 - LOGO_SIZE / 2, LOGO_SIZE, LOGO_SIZE);
                    nameX = MARGIN + LOGO_SIZE + 14;
                }
                text(
                        content,
                        BOLD,
                        20,
                        Color.WHITE,
                        nameX,
                        top - 48,
                        authority.path("name").asText());
                text(
                        content,
                        REGULAR,
                        10,
                        Color.WHITE,
                        nameX,
                        top - 68,
                        branding.path("nameLine").asText(""));
                float y = top - 140;
                text(content, BOLD, 16, Color.BLACK, MARGIN, y, title);
                y -= 32;
                for (String[] line : lines) {
                    for (String wrapped : wrap(line[0] == null ? line[1] : line[0] + ": " + line[1], 90)) {
                        text(content, line[0] == null ? REGULAR : BOLD, 11, Color.BLACK, MARGIN, y, wrapped);
                        y -= 16;
                    }
                    y -= 4;
                }
                JsonNode contact = authority.path("contact");
                String footer = String.join(
                        "  ·  ",
                        List.of(
                                authority.path("name").asText(),
                                contact.path("streetAddress").asText(""),
                                contact.path("postalCode").asText("") + " "
                                        + contact.path("locality").asText(""),
                                contact.path("website").asText("")));
                text(content, REGULAR, 8, Color.DARK_GRAY, MARGIN, 40, footer);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + title, e);
        }
    }

    private static void text(
            PDPageContentStream content, PDType1Font font, float size, Color colour, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.setNonStrokingColor(colour);
        content.newLineAtOffset(x, y);
        content.showText(encodable(font, text));
        content.endText();
    }

    /** The standard fonts speak WinAnsi (German included); anything else is shown as '?'. */
    private static String encodable(PDType1Font font, String text) {
        StringBuilder safe = new StringBuilder();
        text.codePoints().forEach(codePoint -> {
            String character = new String(Character.toChars(codePoint));
            try {
                font.encode(character);
                safe.append(character);
            } catch (IOException | IllegalArgumentException e) {
                safe.append('?');
            }
        });
        return safe.toString();
    }

    private static List<String> wrap(String text, int width) {
        List<String> wrapped = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (line.length() + word.length() + 1 > width && line.length() > 0) {
                wrapped.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        wrapped.add(line.toString());
        return wrapped;
    }

    private static Color colour(String hex, Color fallback) {
        return hex != null && hex.matches("#[0-9a-fA-F]{6}") ? Color.decode(hex) : fallback;
    }
}
