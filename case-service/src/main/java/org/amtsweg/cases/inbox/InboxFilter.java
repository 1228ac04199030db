package org.amtsweg.cases.inbox;

/**
 * What a clerk narrows the inbox to; null means "any".
 *
 * @param registryResult e.g. {@code MISMATCH}: cases with at least one register check of that result
 */
public record InboxFilter(String status, String service, String assignee, String registryResult) {}
