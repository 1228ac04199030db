package org.amtsweg.application.documents;

import com.github.weisj.jsvg.SVGDocument;
import com.github.weisj.jsvg.parser.LoaderContext;
import com.github.weisj.jsvg.parser.SVGLoader;
import com.github.weisj.jsvg.parser.resources.ResourcePolicy;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.swing.JComponent;
import org.jboss.logging.Logger;

/**
 * An authority's SVG logo as a raster image for PDFs, drawn by JSVG. The SVG comes from the catalogue's
 * administrators, so it may reference nothing outside itself: no external images, fonts or styles.
 */
final class LogoImage {

    private static final Logger LOG = Logger.getLogger(LogoImage.class);
    private static final LoaderContext SELF_CONTAINED = LoaderContext.builder()
            .externalResourcePolicy(ResourcePolicy.DENY_ALL)
            .build();

    private LogoImage() {}

    /** The logo fitted into a square of {@code pixels}, keeping its proportions; empty if it cannot be drawn. */
    static Optional<BufferedImage> render(String svg, int pixels) {
        try {
            SVGDocument document = new SVGLoader()
                    .load(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)), null, SELF_CONTAINED);
            if (document == null || document.size().width <= 0 || document.size().height <= 0) {
                LOG.warn("an authority logo is not a drawable SVG; documents go out without it");
                return Optional.empty();
            }
            double scale = pixels / Math.max(document.size().width, document.size().height);
            BufferedImage image = new BufferedImage(pixels, pixels, BufferedImage.TYPE_INT_ARGB);
            Graphics2D graphics = image.createGraphics();
            try {
                graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                graphics.scale(scale, scale);
                document.render((JComponent) null, graphics);
            } finally {
                graphics.dispose();
            }
            return Optional.of(image);
        } catch (RuntimeException e) {
            LOG.warn("an authority logo could not be drawn; documents go out without it", e);
            return Optional.empty();
        }
    }
}
