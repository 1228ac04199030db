package org.amtsweg.application.validation;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;
import java.util.Locale;
import org.apache.commons.validator.routines.IBANValidator;

/**
 * The {@code iban} format of our forms: country format and check digits (ISO 13616, mod 97), checked
 * by Apache Commons Validator. Spaces as printed on cards are allowed.
 */
public class IbanFormat implements Format {

    private static final IBANValidator IBAN = IBANValidator.getInstance();

    @Override
    public String getName() {
        return "iban";
    }

    @Override
    public boolean matches(ExecutionContext executionContext, String value) {
        return IBAN.isValid(value.replace(" ", "").toUpperCase(Locale.ROOT));
    }

    @Override
    public String getMessageKey() {
        return "format";
    }
}
