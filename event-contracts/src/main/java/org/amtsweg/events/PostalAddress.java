package org.amtsweg.events;

/** A postal address in the shape of the OpenID Connect {@code address} claim. */
public record PostalAddress(String streetAddress, String postalCode, String locality, String country) {}
