package org.amtsweg.application.report;

import java.time.Instant;
import java.util.List;

/**
 * The intake funnel of a month (Antragsstrecke) for a council: of the drafts started in the month (German
 * time), how many were saved, submitted, abandoned or are still open, per service and per step of its form.
 *
 * @param draftRetention how long an untouched draft is kept (ISO 8601, e.g. PT720H); a draft untouched for longer counts as abandoned
 */
public record FunnelReport(
        String month,
        String timeZone,
        Instant from,
        Instant until,
        String draftRetention,
        List<AuthorityFunnel> authorities) {

    public record AuthorityFunnel(String authorityId, List<ServiceFunnel> services) {}

    /**
     * @param started   drafts started in the month
     * @param saved     of them, saved at least once
     * @param submitted of them, submitted
     * @param abandoned of them, not submitted and deleted as expired or untouched for longer than the retention
     * @param open      of them, neither submitted nor abandoned
     * @param steps     where the drafts got: step 0 is "nothing entered yet", then the form's steps in order
     */
    public record ServiceFunnel(
            String serviceKey, long started, long saved, long submitted, long abandoned, long open, List<Step> steps) {}

    /**
     * @param reached   drafts whose data reached this step or a later one (every submitted draft reached all)
     * @param abandoned abandoned drafts whose furthest step was this one: where citizens gave up
     * @param open      open drafts whose furthest step is this one so far
     */
    public record Step(int step, String title, long reached, long abandoned, long open) {}
}
