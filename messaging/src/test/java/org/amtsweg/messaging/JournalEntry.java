package org.amtsweg.messaging;

/** The test application's event: a line for the journal. */
public record JournalEntry(String text) {}
