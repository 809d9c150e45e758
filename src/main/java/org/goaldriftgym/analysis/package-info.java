/**
 * The analysis API behind {@code report} and {@code plot}: load runs from run directories or any
 * directory above them ({@link org.goaldriftgym.analysis.RunLoader}), as typed, immutable records
 * ({@link org.goaldriftgym.analysis.RunRecord}, {@link org.goaldriftgym.analysis.StepRow}); filter
 * them ({@link org.goaldriftgym.analysis.RunFilters}); group them ({@link
 * org.goaldriftgym.analysis.Grouping}) and aggregate each group into n, mean, standard deviation
 * and a 95% Student t confidence interval ({@link org.goaldriftgym.analysis.Aggregator}, {@link
 * org.goaldriftgym.analysis.Estimate}); estimate the time to crossing with censoring ({@link
 * org.goaldriftgym.analysis.TimeToCrossing}, {@link org.goaldriftgym.analysis.KaplanMeier}) and
 * test a dose-response ({@link org.goaldriftgym.analysis.TrendTest}), with distributions and rank
 * correlation from Hipparchus; and export rows as tables ({@link
 * org.goaldriftgym.analysis.ReportTables}, {@link org.goaldriftgym.analysis.Table}). The epochs of
 * one seed are one sample of every group statistic ({@link org.goaldriftgym.analysis.Clusters}).
 *
 * <p>Nothing here prints or exits; a run that cannot be read becomes a {@link
 * org.goaldriftgym.analysis.Skipped} entry that names the path and what is wrong. Usable from
 * {@code jshell --class-path target/goal-drift-gym.jar}; see {@code docs/analysis.md}.
 */
package org.goaldriftgym.analysis;
