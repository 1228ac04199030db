package org.amtsweg.cases.inbox;

import java.util.List;

/**
 * A page of the inbox, keyset-paged: {@code next} is the cursor of the following page, absent on
 * the last one, so that page 1,000 costs what page 1 costs.
 */
public record InboxPage(List<CaseSummary> items, String next) {}
