package org.amtsweg.application.attachment;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Finds active content in a PDF (Apache PDFBox): what a viewer runs, launches or unpacks when a clerk
 * opens a citizen's document — JavaScript (in the open action, the document's JavaScript name tree,
 * form fields' and pages' and annotations' actions and additional actions), Launch actions, form
 * submission or data import actions, embedded files, XFA forms (which carry scripts). An uploaded PDF
 * must carry none of these: the authority opens it in its own network.
 *
 * <p>Every object reachable from the document catalog is looked at once, so nothing hides in a place
 * the check does not know (an action behind an action's {@code /Next}, an annotation's {@code /AA}).
 * Stream contents are not decoded. The walk is bounded; a PDF too large to walk, an encrypted one (its
 * objects cannot be checked, nor can the authority read it) and one PDFBox cannot parse are refused.
 */
public final class PdfActiveContent {

    /** More objects than an ordinary document of up to 10 MB has; a scanned 200-page letter has a few thousand. */
    static final int MAX_OBJECTS = 200_000;

    private static final COSName JAVASCRIPT = COSName.getPDFName("JavaScript");
    private static final COSName LAUNCH = COSName.getPDFName("Launch");
    private static final COSName SUBMIT_FORM = COSName.getPDFName("SubmitForm");
    private static final COSName IMPORT_DATA = COSName.getPDFName("ImportData");
    private static final COSName EMBEDDED_FILE = COSName.getPDFName("EmbeddedFile");
    private static final COSName XFA = COSName.getPDFName("XFA");

    /** What was found, as named to the citizen and in the problem's {@code found}. */
    public enum Finding {
        JAVASCRIPT("JavaScript"),
        OPEN_ACTION("OpenAction"),
        LAUNCH("Launch"),
        EMBEDDED_FILE("EmbeddedFile"),
        SUBMIT_FORM("SubmitForm"),
        IMPORT_DATA("ImportData"),
        XFA("XFA");

        private final String label;

        Finding(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The outcome of a check: clean, active content found, encrypted, or not checkable. */
    public enum Outcome {
        CLEAN,
        ACTIVE,
        ENCRYPTED,
        UNREADABLE
    }

    /** @param found what was found (empty unless the outcome is {@code ACTIVE}), in the order of {@link Finding} */
    public record Verdict(Outcome outcome, List<String> found) {

        static Verdict of(Set<Finding> findings) {
            return findings.isEmpty()
                    ? new Verdict(Outcome.CLEAN, List.of())
                    : new Verdict(
                            Outcome.ACTIVE,
                            findings.stream().map(Finding::label).toList());
        }
    }

    private PdfActiveContent() {}

    /** Checks a PDF; blocking (parses the document), so callers run it off the event loop. */
    public static Verdict inspect(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf, "", null, null, IOUtils.createMemoryOnlyStreamCache())) {
            if (document.isEncrypted()) {
                return new Verdict(Outcome.ENCRYPTED, List.of());
            }
            return walk(document.getDocumentCatalog().getCOSObject());
        } catch (InvalidPasswordException encrypted) {
            return new Verdict(Outcome.ENCRYPTED, List.of());
        } catch (IOException | RuntimeException unreadable) {
            // PDFBox is lenient; what it still cannot parse (or a structure deeper than the budget) is no document to
            // pass on.
            return new Verdict(Outcome.UNREADABLE, List.of());
        }
    }

    private static Verdict walk(COSDictionary catalog) {
        Set<Finding> findings = EnumSet.noneOf(Finding.class);
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(catalog);
        // What the open action runs is named as such. Only the action chain counts here (the action and
        // its /Next), not a destination it shows: that page, and all it leads to, is walked below.
        Set<Finding> onOpening = EnumSet.noneOf(Finding.class);
        openActions(catalog.getDictionaryObject(COSName.OPEN_ACTION), onOpening);
        if (!onOpening.isEmpty()) {
            findings.addAll(onOpening);
            findings.add(Finding.OPEN_ACTION);
        }
        inspect(catalog, findings);
        for (Map.Entry<COSName, COSBase> entry : catalog.entrySet()) {
            if (!visit(entry.getValue(), seen, findings)) {
                return new Verdict(Outcome.UNREADABLE, List.of());
            }
        }
        return Verdict.of(findings);
    }

    /** The open action and the actions chained to it by /Next (a dictionary or an array of them), each once. */
    private static void openActions(COSBase first, Set<Finding> findings) {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> pending = new ArrayDeque<>();
        // An array is a destination to show (a page and a zoom), no action.
        if (resolve(first) instanceof COSDictionary action) {
            pending.push(action);
        }
        while (!pending.isEmpty() && seen.size() <= MAX_OBJECTS) {
            COSBase node = resolve(pending.pop());
            if (node instanceof COSArray next && seen.add(next)) {
                next.forEach(pending::push);
            } else if (node instanceof COSDictionary action && seen.add(action)) {
                inspect(action, findings);
                COSBase following = action.getDictionaryObject(COSName.NEXT);
                if (following != null) {
                    pending.push(following);
                }
            }
        }
    }

    /** Walks everything reachable from {@code start}; false when the budget ran out. */
    private static boolean visit(COSBase start, Set<COSBase> seen, Set<Finding> findings) {
        Deque<COSBase> pending = new ArrayDeque<>();
        pending.push(start);
        while (!pending.isEmpty()) {
            COSBase node = resolve(pending.pop());
            if (node == null || !(node instanceof COSDictionary || node instanceof COSArray) || !seen.add(node)) {
                continue;
            }
            if (seen.size() > MAX_OBJECTS) {
                return false;
            }
            if (node instanceof COSDictionary dictionary) {
                inspect(dictionary, findings);
                dictionary.getValues().forEach(pending::push);
            } else {
                ((COSArray) node).forEach(pending::push);
            }
        }
        return true;
    }

    private static COSBase resolve(COSBase node) {
        return node instanceof COSObject reference ? reference.getObject() : node;
    }

    /** What one dictionary is: an action of a kind that runs something, an embedded file, an XFA form. */
    private static void inspect(COSDictionary dictionary, Set<Finding> findings) {
        COSName kind = dictionary.getCOSName(COSName.S);
        if (JAVASCRIPT.equals(kind) || dictionary.containsKey(COSName.JS)) {
            findings.add(Finding.JAVASCRIPT);
        } else if (LAUNCH.equals(kind)) {
            findings.add(Finding.LAUNCH);
        } else if (SUBMIT_FORM.equals(kind)) {
            findings.add(Finding.SUBMIT_FORM);
        } else if (IMPORT_DATA.equals(kind)) {
            findings.add(Finding.IMPORT_DATA);
        }
        if (EMBEDDED_FILE.equals(dictionary.getCOSName(COSName.TYPE)) || dictionary.containsKey(COSName.EF)) {
            findings.add(Finding.EMBEDDED_FILE);
        }
        if (dictionary.containsKey(XFA)) {
            findings.add(Finding.XFA);
        }
    }
}
