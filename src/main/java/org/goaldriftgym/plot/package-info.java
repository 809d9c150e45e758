/**
 * XChart 4.0.3 figures built from the analysis records: per run, alignment over steps ({@link
 * org.goaldriftgym.plot.RunCharts#alignment}), the decision track, tool usage and panel traces; per
 * group of runs ({@link org.goaldriftgym.plot.SummaryCharts}), mean alignment and slope with 95% t
 * intervals, the drift curve with its band, and the distribution of first threshold crossings; and
 * the Kaplan-Meier time to crossing with its band ({@link org.goaldriftgym.plot.SurvivalCharts}).
 * Charts are plain XChart objects (inspect or restyle them); {@link
 * org.goaldriftgym.plot.FigureWriter} encodes them as PNG with {@code ChartEncoder}, headless.
 * Every figure is {@value org.goaldriftgym.plot.ChartStyle#WIDTH} x {@value
 * org.goaldriftgym.plot.ChartStyle#HEIGHT} pixels, with the colours of {@link
 * org.goaldriftgym.plot.Palette}.
 */
package org.goaldriftgym.plot;
