package org.amtsweg.catalog.admin;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.hibernate.validator.constraints.URL;

/** An authority (Behörde) with its corporate identity, as administrators write it. */
public record AuthorityInput(
        @NotBlank @Pattern(regexp = "[a-z0-9-]{2,80}", message = "{amtsweg.catalog.key}")
        String id,

        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String kind,
        @NotNull List<@NotNull @Pattern(regexp = "[0-9]{8}", message = "{amtsweg.catalog.ags}") String> agsCodes,

        @NotNull @Pattern(regexp = "[A-Z]{2,4}", message = "{amtsweg.catalog.reference-prefix}")
        String referencePrefix,

        @Size(max = 200) String streetAddress,

        @Pattern(regexp = "[0-9]{5}", message = "{amtsweg.catalog.postal-code}")
        String postalCode,

        @Size(max = 100) String locality,
        @Email String email,
        @Pattern(regexp = "\\+?[0-9 ()/-]{6,30}") String phone,
        @URL String website,
        @Size(max = 100000) String logoSvg,

        @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "{amtsweg.catalog.colour}")
        String primaryColor,

        @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "{amtsweg.catalog.colour}")
        String secondaryColor,

        @Size(max = 200) String nameLine,
        @URL String imprintUrl,
        @URL String privacyUrl) {}
