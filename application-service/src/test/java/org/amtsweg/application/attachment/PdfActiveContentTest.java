package org.amtsweg.application.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.amtsweg.application.Documents;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.action.PDFormFieldAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.junit.jupiter.api.Test;

/** Active content in PDFs, wherever it is put, and PDFs that cannot be checked. */
class PdfActiveContentTest {

    @Test
    void plainDocumentsAreClean() {
        assertThat(PdfActiveContent.inspect(Documents.builtPdf((document, page) -> {}))
                        .outcome())
                .isEqualTo(PdfActiveContent.Outcome.CLEAN);
        assertThat(PdfActiveContent.inspect(Documents.pdf()).outcome()).isEqualTo(PdfActiveContent.Outcome.CLEAN);
    }

    @Test
    void harmlessActionsAreNoActiveContent() {
        // Many producers open on the first page; letters link to web pages.
        byte[] pdf = Documents.builtPdf((document, page) -> {
            PDPageFitDestination first = new PDPageFitDestination();
            first.setPage(page);
            document.getDocumentCatalog().setOpenAction(first);
            PDAnnotationLink link = link(new PDActionURI());
            ((PDActionURI) link.getAction()).setURI("https://www.hagen.de");
            page.getAnnotations().add(link);
            PDActionGoTo goTo = new PDActionGoTo();
            goTo.setDestination(first);
            page.getAnnotations().add(link(goTo));
        });
        assertThat(PdfActiveContent.inspect(pdf).outcome()).isEqualTo(PdfActiveContent.Outcome.CLEAN);
    }

    @Test
    void javaScriptOnOpeningIsNamedAsSuch() {
        assertThat(found((document, page) ->
                        document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert(1)"))))
                .containsExactly("JavaScript", "OpenAction");
    }

    @Test
    void javaScriptBehindAHarmlessOpenActionIsFound() {
        assertThat(found((document, page) -> {
                    PDPageFitDestination first = new PDPageFitDestination();
                    first.setPage(page);
                    PDActionGoTo goTo = new PDActionGoTo();
                    goTo.setDestination(first);
                    goTo.setNext(List.of(new PDActionJavaScript("app.alert(1)")));
                    document.getDocumentCatalog().setOpenAction(goTo);
                }))
                .containsExactly("JavaScript", "OpenAction");
    }

    @Test
    void javaScriptOnAPageIsNotCountedAsTheOpenAction() {
        assertThat(found((document, page) -> {
                    PDPageFitDestination first = new PDPageFitDestination();
                    first.setPage(page);
                    document.getDocumentCatalog().setOpenAction(first);
                    page.getAnnotations().add(link(new PDActionJavaScript("app.alert(1)")));
                }))
                .containsExactly("JavaScript");
    }

    @Test
    void javaScriptInTheNameTreeInPageActionsAndInFormFieldsIsFound() {
        assertThat(found((document, page) -> {
                    PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
                    scripts.setNames(Map.of("start", new PDActionJavaScript("app.alert(1)")));
                    PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
                    names.setJavascript(scripts);
                    document.getDocumentCatalog().setNames(names);
                }))
                .containsExactly("JavaScript");
        assertThat(found((document, page) -> {
                    PDPageAdditionalActions actions = new PDPageAdditionalActions();
                    actions.setO(new PDActionJavaScript("app.alert(1)"));
                    page.setActions(actions);
                }))
                .containsExactly("JavaScript");
        assertThat(found((document, page) -> {
                    PDAcroForm form = new PDAcroForm(document);
                    document.getDocumentCatalog().setAcroForm(form);
                    PDTextField field = new PDTextField(form);
                    field.setPartialName("miete");
                    PDFormFieldAdditionalActions actions = new PDFormFieldAdditionalActions();
                    actions.setC(new PDActionJavaScript("event.value = 1"));
                    field.getCOSObject().setItem(COSName.AA, actions.getCOSObject());
                    form.getFields().add(field);
                }))
                .containsExactly("JavaScript");
    }

    @Test
    void launchActionsEmbeddedFilesAndXfaFormsAreFound() {
        assertThat(found((document, page) -> page.getAnnotations().add(link(new PDActionLaunch()))))
                .containsExactly("Launch");
        assertThat(found((document, page) -> {
                    PDEmbeddedFile file = new PDEmbeddedFile(
                            document, new ByteArrayInputStream("MZ".getBytes(StandardCharsets.US_ASCII)));
                    PDComplexFileSpecification spec = new PDComplexFileSpecification();
                    spec.setFile("rechnung.exe");
                    spec.setEmbeddedFile(file);
                    PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
                    files.setNames(Map.of("rechnung.exe", spec));
                    PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
                    names.setEmbeddedFiles(files);
                    document.getDocumentCatalog().setNames(names);
                }))
                .containsExactly("EmbeddedFile");
        assertThat(found((document, page) -> {
                    PDAcroForm form = new PDAcroForm(document);
                    form.getCOSObject().setItem(COSName.getPDFName("XFA"), new COSArray());
                    document.getDocumentCatalog().setAcroForm(form);
                }))
                .containsExactly("XFA");
    }

    @Test
    void encryptedAndBrokenDocumentsCannotBeChecked() throws Exception {
        byte[] encrypted = Documents.builtPdf((document, page) -> {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("eigentuemer", "", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
        });
        byte[] withPassword = Documents.builtPdf((document, page) -> {
            StandardProtectionPolicy policy =
                    new StandardProtectionPolicy("eigentuemer", "geheim", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
        });
        assertThat(PdfActiveContent.inspect(encrypted).outcome()).isEqualTo(PdfActiveContent.Outcome.ENCRYPTED);
        assertThat(PdfActiveContent.inspect(withPassword).outcome()).isEqualTo(PdfActiveContent.Outcome.ENCRYPTED);
        assertThat(PdfActiveContent.inspect("%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))
                        .outcome())
                .isEqualTo(PdfActiveContent.Outcome.UNREADABLE);
    }

    @Test
    void aCycleOfObjectsEnds() {
        assertThat(found((document, page) -> {
                    COSDictionary loop = new COSDictionary();
                    loop.setItem(COSName.getPDFName("Self"), loop);
                    page.getCOSObject().setItem(COSName.getPDFName("Loop"), loop);
                }))
                .isEmpty();
    }

    private static List<String> found(Documents.PdfShape shape) {
        return PdfActiveContent.inspect(Documents.builtPdf(shape)).found();
    }

    private static PDAnnotationLink link(PDAction action) {
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(new PDRectangle(72, 600, 200, 20));
        link.setAction(action);
        return link;
    }
}
