package org.goaldriftgym.analysis;

/**
 * One distinct observed time of a {@link KaplanMeier} curve. Immutable.
 *
 * @param time the time (an event or a censoring time)
 * @param atRisk observations with a time at or after this one
 * @param events events at this time
 * @param censored observations censored at this time (events come first at a tie)
 * @param survival the Kaplan-Meier estimate just after this time
 * @param ciLow lower end of the pointwise 95% log-log interval ({@code NaN} where the survival is 1
 *     or 0, where the log-log interval is undefined)
 * @param ciHigh upper end of that interval ({@code NaN} likewise)
 */
public record SurvivalStep(
    double time,
    int atRisk,
    int events,
    int censored,
    double survival,
    double ciLow,
    double ciHigh) {}
