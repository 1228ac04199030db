package org.amtsweg.catalog.services;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An entry of the federal service catalogue (Leistungskatalog, LeiKa) as the state's editorial
 * office (Landesredaktion) maintains it.
 *
 * @param leikaId    the 14-digit LeiKa ID
 * @param lastChange the Landesredaktion's last change, as it states it (e.g. {@code 22.04.2021 QL})
 * @param sdg1       availability for the EU Single Digital Gateway, as stated
 */
public record LeikaEntry(
        String leikaId,
        String name,
        @Schema(nullable = true) String lastChange,
        @Schema(nullable = true) String type,
        @Schema(nullable = true) String legalBasis,
        @Schema(nullable = true) String sdg1,
        @Schema(nullable = true) String sdg2,
        @Schema(nullable = true) String status) {}
