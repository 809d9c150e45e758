package org.goaldriftgym.cli;

import java.util.Locale;
import org.goaldriftgym.core.HarnessException;

/** The output formats of {@code report}. */
enum ReportFormat {
  JSON,
  CSV,
  TABLE;

  static ReportFormat parse(String text) {
    try {
      return valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw HarnessException.usage("--format must be json, csv or table, got '" + text + "'");
    }
  }
}
