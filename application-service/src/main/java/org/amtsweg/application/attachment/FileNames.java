package org.amtsweg.application.attachment;

import java.text.Normalizer;

/**
 * Makes an uploaded file's name safe to store and to offer for download: no directories ({@code ../}),
 * no control or markup characters, no empty or overlong names.
 */
public final class FileNames {

    private FileNames() {}

    public static String sanitise(String original) {
        String name = original == null ? "" : Normalizer.normalize(original, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[^\\p{L}\\p{N} ._()-]", "_")
                .replaceAll("^[. ]+", "")
                .trim();
        if (name.length() > 120) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            int cut = 120 - extension.length();
            // Neither half a character (a surrogate pair cut in two) nor a space before the end.
            if (Character.isLowSurrogate(name.charAt(cut)) && Character.isHighSurrogate(name.charAt(cut - 1))) {
                cut--;
            }
            name = name.substring(0, cut).stripTrailing() + extension;
        }
        return name.isEmpty() ? "dokument" : name;
    }
}
