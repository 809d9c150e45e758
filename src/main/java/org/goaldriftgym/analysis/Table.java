package org.goaldriftgym.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.goaldriftgym.artifact.Json;

/**
 * A rectangular result: named columns and rows of plain values ({@code String}, {@code Integer},
 * {@code Long}, {@code Double}, {@code Boolean} or {@code null}), with its three encodings. Output
 * is stable: columns and rows keep their order and numbers are printed the same way every time.
 * Immutable.
 *
 * <ul>
 *   <li>{@link #toCsv()}: RFC 4180, header first, {@code \n} line ends; doubles as {@link
 *       Double#toString(double)} (shortest text that reads back to the same double), booleans as
 *       {@code 1}/{@code 0}, null and NaN as an empty cell.
 *   <li>{@link #toJson()}: an array of objects with the columns as keys in order; doubles as
 *       Jackson writes them (the same digits as CSV), NaN as null, booleans as JSON booleans.
 *   <li>{@link #toText()}: aligned columns for people; doubles with 4 decimals, null as {@code -};
 *       {@link #toText(int)} fits a terminal's width.
 * </ul>
 */
public record Table(List<String> columns, List<List<Object>> rows) {

  public Table {
    columns = List.copyOf(columns);
    List<List<Object>> copy = new ArrayList<>();
    for (List<Object> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            "row has " + row.size() + " cells, expected " + columns.size());
      }
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copy);
  }

  /** The value in a row under a column name. */
  public Object value(int row, String column) {
    int index = columns.indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException("no column " + column);
    }
    return rows.get(row).get(index);
  }

  public String toCsv() {
    // jackson-dataformat-csv does the RFC 4180 quoting; this class decides the cell texts
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(false).setLineSeparator("\n");
    columns.forEach(schema::addColumn);
    List<List<String>> lines = new ArrayList<>();
    lines.add(columns);
    rows.forEach(row -> lines.add(row.stream().map(Table::csvCell).toList()));
    try {
      return CSV.writer(schema.build()).writeValueAsString(lines);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write CSV: " + e.getMessage(), e);
    }
  }

  private static final CsvMapper CSV =
      CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

  private static String csvCell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? "" : Double.toString(d);
    }
    if (value instanceof Boolean b) {
      return b ? "1" : "0";
    }
    return value.toString();
  }

  public ArrayNode toJson() {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (List<Object> row : rows) {
      ObjectNode node = array.addObject();
      for (int i = 0; i < columns.size(); i++) {
        put(node, columns.get(i), row.get(i));
      }
    }
    return array;
  }

  static void put(ObjectNode node, String key, Object value) {
    if (value == null) {
      node.putNull(key);
    } else if (value instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        node.putNull(key);
      } else {
        node.put(key, d);
      }
    } else if (value instanceof Integer i) {
      node.put(key, i);
    } else if (value instanceof Long l) {
      node.put(key, l);
    } else if (value instanceof Boolean b) {
      node.put(key, b);
    } else {
      node.put(key, value.toString());
    }
  }

  public String toText() {
    return toText(0);
  }

  /**
   * {@link #toText()} no wider than {@code maxWidth} characters where it can be (0: no limit):
   * headers longer than their values give way first, then the widest text columns, down to {@value
   * #MIN_COLUMN} characters each, and a text cell or header that no longer fits keeps its start and
   * end around two dots ({@code runs/r..03-s1}). Numbers are never cut (a shortened estimate would
   * read as another number): if that is not enough, the last columns are left out and a last line
   * says from which on.
   */
  public String toText(int maxWidth) {
    List<List<String>> cells = new ArrayList<>();
    cells.add(columns);
    for (List<Object> row : rows) {
      cells.add(row.stream().map(Table::textCell).toList());
    }
    int[] widths = new int[columns.size()];
    int[] valueWidths = new int[columns.size()];
    for (int row = 0; row < cells.size(); row++) {
      List<String> line = cells.get(row);
      for (int i = 0; i < line.size(); i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
        if (row > 0) {
          valueWidths[i] = Math.max(valueWidths[i], line.get(i).length());
        }
      }
    }
    int[] floors = new int[columns.size()];
    for (int i = 0; i < floors.length; i++) {
      int column = i;
      boolean numbers =
          cells.stream().skip(1).map(line -> line.get(column)).allMatch(Table::looksNumeric);
      floors[i] = Math.min(widths[i], Math.max(numbers ? valueWidths[i] : 0, MIN_COLUMN));
    }
    int shown = maxWidth > 0 ? fit(widths, valueWidths, floors, maxWidth) : widths.length;
    StringBuilder out = new StringBuilder();
    for (List<String> line : cells) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < shown; i++) {
        if (i > 0) {
          text.append("  ");
        }
        String cell = shorten(line.get(i), widths[i]);
        text.append(cell).append(" ".repeat(widths[i] - cell.length()));
      }
      out.append(text.toString().stripTrailing()).append('\n');
    }
    if (shown < columns.size()) {
      out.append("(")
          .append(columns.size() - shown)
          .append(" more columns from ")
          .append(columns.get(shown))
          .append(" on; --width 0 shows all)\n");
    }
    return out.toString();
  }

  /** The narrowest a column is squeezed to by {@link #toText(int)}. */
  static final int MIN_COLUMN = 10;

  /**
   * Narrows {@code widths} to fit; returns how many leading columns are shown: as many as fit at
   * {@value #MIN_COLUMN} characters (or less where narrower). Of those, headers wider than their
   * values give way first (down to the values, or {@value #MIN_COLUMN}), then the widest columns,
   * until the line fits, so the columns kept use all the room there is.
   */
  private static int fit(int[] widths, int[] valueWidths, int[] floors, int maxWidth) {
    int shown = 0;
    int least = -2;
    while (shown < widths.length && least + 2 + floors[shown] <= maxWidth) {
      least += 2 + floors[shown];
      shown++;
    }
    shown = Math.max(shown, 1);
    int total = -2;
    for (int i = 0; i < shown; i++) {
      total += widths[i] + 2;
    }
    while (total > maxWidth) {
      int header = -1;
      int excess = 0;
      for (int i = 0; i < shown; i++) {
        int room = widths[i] - Math.max(valueWidths[i], MIN_COLUMN);
        if (room > excess) {
          header = i;
          excess = room;
        }
      }
      if (header < 0) {
        break;
      }
      widths[header]--;
      total--;
    }
    while (total > maxWidth) {
      int widest = -1;
      for (int i = 0; i < shown; i++) {
        if (widths[i] > floors[i] && (widest < 0 || widths[i] > widths[widest])) {
          widest = i;
        }
      }
      if (widest < 0) {
        break;
      }
      widths[widest]--;
      total--;
    }
    return shown;
  }

  /** A cell of a number or an estimate ({@code 0.9583 [0.94, 0.97]}, {@code - (0 of 6)}). */
  private static boolean looksNumeric(String cell) {
    return cell.isEmpty() || Character.isDigit(cell.charAt(0)) || cell.charAt(0) == '-';
  }

  /** The text itself when it fits, else its start and end around {@code ..}. */
  static String shorten(String text, int width) {
    if (text.length() <= width) {
      return text;
    }
    // two ASCII dots, not an ellipsis: the terminal's charset may not have one
    int head = (width - 2) / 2;
    int tail = width - 2 - head;
    return text.substring(0, head) + ".." + text.substring(text.length() - tail);
  }

  private static String textCell(Object value) {
    if (value == null) {
      return "-";
    }
    if (value instanceof Double d) {
      return d.isNaN() ? "-" : String.format(Locale.ROOT, "%.4f", d);
    }
    if (value instanceof Boolean b) {
      return b ? "1" : "0";
    }
    return value.toString();
  }
}
