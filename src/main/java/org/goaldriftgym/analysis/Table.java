package org.goaldriftgym.analysis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 *   <li>{@link #toText()}: aligned columns for people; doubles with 4 decimals, null as {@code -}.
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
    StringBuilder out = new StringBuilder();
    csvLine(out, new ArrayList<>(columns));
    rows.forEach(row -> csvLine(out, row));
    return out.toString();
  }

  private static void csvLine(StringBuilder out, List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(csvCell(cells.get(i)));
    }
    out.append('\n');
  }

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
    String text = value.toString();
    if (text.contains(",")
        || text.contains("\"")
        || text.contains("\n")
        || text.contains("\r")
        || !text.equals(text.strip())) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
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
    List<List<String>> cells = new ArrayList<>();
    cells.add(columns);
    for (List<Object> row : rows) {
      cells.add(row.stream().map(Table::textCell).toList());
    }
    int[] widths = new int[columns.size()];
    for (List<String> line : cells) {
      for (int i = 0; i < line.size(); i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> line : cells) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < line.size(); i++) {
        if (i > 0) {
          text.append("  ");
        }
        text.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", line.get(i)));
      }
      out.append(text.toString().stripTrailing()).append('\n');
    }
    return out.toString();
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
