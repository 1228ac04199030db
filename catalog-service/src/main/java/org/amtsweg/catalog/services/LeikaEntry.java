package org.amtsweg.catalog.services;

/**
 * An entry of the federal service catalogue (Leistungskatalog, LeiKa) as the state's editorial
 * office (Landesredaktion) maintains it.
 *
 * @param leikaId    the 14-digit LeiKa ID
 * @param lastChange the Landesredaktion's last change, as it states it (e.g. {@code 22.04.2021 QL})
 * @param sdg1       availability for the EU Single Digital Gateway, as stated
 */
public record LeikaEntry(String leikaId, String name, String lastChange, String type, String legalBasis,
                         String sdg1, String sdg2, String status) {
}
