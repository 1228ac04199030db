package org.amtsweg.application.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a refused answer is told, in German and English, as a person would write it on a paper form's
 * correction slip — "Bitte füllen Sie das Feld „IBAN“ aus." — never the schema validator's own phrasing
 * ("erforderliche Eigenschaft 'iban'", "muss einen exklusiven Mindestwert von 0 haben"). The field is named
 * by the form's label (presentation hints), else by the schema's {@code title}, else by its key as the
 * portal shows it; bounds and formats come from the answer's own schema.
 */
final class FieldMessages {

    /** A pattern that only counts digits, e.g. a postal code's {@code ^[0-9]{5}$}. */
    private static final Pattern DIGITS = Pattern.compile("\\^?\\[0-9]\\{(\\d+)}\\$?");

    private FieldMessages() {}

    /** German and English. */
    record Message(String german, String english) {}

    /**
     * @param keyword the JSON Schema keyword that failed ({@code required}, {@code type}, …)
     * @param field   the refused answer's own schema (for {@code required}: the missing property's)
     * @param label   how the form names the answer
     */
    static Message of(String keyword, JsonNode field, String label) {
        String named = "„" + label + "“";
        String quoted = "“" + label + "”";
        return switch (keyword) {
            case "required" -> required(field, named, quoted);
            case "minLength" ->
                field.path("minLength").asInt() <= 1
                        ? required(field, named, quoted)
                        : new Message(
                                named + " muss mindestens "
                                        + field.path("minLength").asInt() + " Zeichen lang sein.",
                                quoted + " must be at least "
                                        + field.path("minLength").asInt() + " characters long.");
            case "maxLength" ->
                new Message(
                        named + " darf höchstens " + field.path("maxLength").asInt() + " Zeichen lang sein.",
                        quoted + " may be at most " + field.path("maxLength").asInt() + " characters long.");
            case "type" -> type(field, named, quoted);
            case "format" -> format(field.path("format").asText(), named, quoted);
            case "pattern" -> pattern(field.path("pattern").asText(), named, quoted);
            case "minimum" ->
                new Message(
                        named + " muss mindestens " + german(field.path("minimum")) + " sein.",
                        quoted + " must be at least " + field.path("minimum").asText() + ".");
            case "exclusiveMinimum" ->
                new Message(
                        named + " muss größer als " + german(field.path("exclusiveMinimum")) + " sein.",
                        quoted + " must be greater than "
                                + field.path("exclusiveMinimum").asText() + ".");
            case "maximum" ->
                new Message(
                        named + " darf höchstens " + german(field.path("maximum")) + " sein.",
                        quoted + " may be at most " + field.path("maximum").asText() + ".");
            case "exclusiveMaximum" ->
                new Message(
                        named + " muss kleiner als " + german(field.path("exclusiveMaximum")) + " sein.",
                        quoted + " must be less than "
                                + field.path("exclusiveMaximum").asText() + ".");
            case "enum" ->
                new Message(
                        "Bitte wählen Sie bei " + named + " eine der vorgesehenen Antworten.",
                        "Please choose one of the answers offered for " + quoted + ".");
            case "const" ->
                field.path("const").isBoolean()
                        ? new Message("Bitte bestätigen Sie: " + named, "Please confirm: " + quoted)
                        : new Message("Bitte prüfen Sie " + named + ".", "Please check " + quoted + ".");
            case "minItems" -> minItems(field.path("minItems").asInt(), named, quoted);
            case "maxItems" ->
                new Message(
                        named + " darf höchstens " + field.path("maxItems").asInt() + " Einträge haben.",
                        quoted + " may have at most " + field.path("maxItems").asInt() + " entries.");
            case "uniqueItems" ->
                new Message(named + " enthält einen Eintrag doppelt.", quoted + " contains an entry twice.");
            case "additionalProperties" ->
                new Message("Diese Angabe gehört nicht zum Formular.", "This answer is not part of the form.");
            default -> new Message("Bitte prüfen Sie " + named + ".", "Please check " + quoted + ".");
        };
    }

    private static Message required(JsonNode field, String named, String quoted) {
        if (field.path("const").isBoolean()) {
            return new Message("Bitte bestätigen Sie: " + named, "Please confirm: " + quoted);
        }
        if (field.has("enum") || field.path("type").asText().equals("boolean")) {
            return new Message(
                    "Bitte wählen Sie bei " + named + " eine Antwort.", "Please choose an answer for " + quoted + ".");
        }
        if (field.path("type").asText().equals("array")) {
            return minItems(1, named, quoted);
        }
        if (field.path("type").asText().equals("object")) {
            return new Message(
                    "Bitte füllen Sie den Abschnitt " + named + " aus.", "Please fill in the section " + quoted + ".");
        }
        return new Message("Bitte füllen Sie das Feld " + named + " aus.", "Please fill in " + quoted + ".");
    }

    private static Message minItems(int minimum, String named, String quoted) {
        return minimum <= 1
                ? new Message(
                        "Bitte wählen Sie bei " + named + " mindestens eine Antwort.",
                        "Please choose at least one answer for " + quoted + ".")
                : new Message(
                        named + " braucht mindestens " + minimum + " Einträge.",
                        quoted + " needs at least " + minimum + " entries.");
    }

    private static Message type(JsonNode field, String named, String quoted) {
        return switch (field.path("type").asText()) {
            case "string" ->
                new Message(
                        "Bitte geben Sie bei " + named + " einen Text ein.", "Please enter text for " + quoted + ".");
            case "integer" ->
                new Message(
                        "Bitte geben Sie bei " + named + " eine ganze Zahl ein.",
                        "Please enter a whole number for " + quoted + ".");
            case "number" ->
                new Message(
                        "Bitte geben Sie bei " + named + " eine Zahl ein, z. B. 62,5.",
                        "Please enter a number for " + quoted + ", e.g. 62.5.");
            case "boolean" ->
                new Message(
                        "Bitte wählen Sie bei " + named + " Ja oder Nein.",
                        "Please choose yes or no for " + quoted + ".");
            default ->
                new Message(
                        named + " hat nicht die Form, die das Formular erwartet.",
                        quoted + " does not have the form the form expects.");
        };
    }

    private static Message format(String format, String named, String quoted) {
        return switch (format) {
            case "date" ->
                new Message(
                        "Bitte geben Sie bei " + named + " ein gültiges Datum an.",
                        "Please give a valid date for " + quoted + ".");
            case "iban" ->
                new Message(
                        "Bitte prüfen Sie die IBAN bei " + named
                                + ": sie ist so nicht gültig (Beispiel: DE02 1203 0000 0000 2020 51).",
                        "Please check the IBAN for " + quoted
                                + ": it is not valid as it stands (example: DE02 1203 0000 0000 2020 51).");
            case "email" ->
                new Message(
                        "Bitte geben Sie bei " + named + " eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.",
                        "Please give a valid e-mail address for " + quoted + ", e.g. name@example.org.");
            default ->
                new Message(
                        "Bitte prüfen Sie die Schreibweise bei " + named + ".",
                        "Please check how " + quoted + " is written.");
        };
    }

    private static Message pattern(String pattern, String named, String quoted) {
        Matcher digits = DIGITS.matcher(pattern);
        if (digits.matches()) {
            return new Message(
                    named + " besteht aus " + digits.group(1) + " Ziffern.",
                    quoted + " consists of " + digits.group(1) + " digits.");
        }
        return new Message(
                "Bitte prüfen Sie die Schreibweise bei " + named + ".", "Please check how " + quoted + " is written.");
    }

    /** A bound as German readers write numbers: 0,5 and 20000. */
    private static String german(JsonNode number) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.GERMANY);
        format.setGroupingUsed(false);
        format.setMaximumFractionDigits(10);
        return number.isNumber() ? format.format(new BigDecimal(number.asText())) : number.asText();
    }
}
