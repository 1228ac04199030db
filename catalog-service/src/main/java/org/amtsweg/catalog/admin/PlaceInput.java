package org.amtsweg.catalog.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A municipality (Gemeinde) as administrators write it: its name as the Gemeindeverzeichnis gives it and the postal codes
 * that lie in it (all of them: the list replaces the earlier one).
 */
public record PlaceInput(
        @NotBlank @Size(max = 200) String name,

        @NotNull @Size(max = 500)
        List<@NotNull @Pattern(regexp = "[0-9]{5}", message = "{amtsweg.catalog.postal-code}") String> postalCodes) {}
