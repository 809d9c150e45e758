package org.goaldriftgym.cli;

/** The output formats of {@code report}; picocli converts {@code --format} (any case). */
enum ReportFormat {
  JSON,
  CSV,
  TABLE
}
