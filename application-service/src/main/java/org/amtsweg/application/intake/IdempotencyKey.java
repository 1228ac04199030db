package org.amtsweg.application.intake;

/**
 * The {@code Idempotency-Key} a client sends with a submission (IETF httpapi idempotency-key draft):
 * one key names one submission of one application. Printable ASCII only (the characters of a
 * structured-field string), not blank, so that it is stored and compared exactly as sent.
 */
public final class IdempotencyKey {

    public static final int MAX_LENGTH = 200;

    private IdempotencyKey() {}

    public static boolean isWellFormed(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
