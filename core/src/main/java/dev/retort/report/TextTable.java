package dev.retort.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with left-aligned columns, two spaces apart; the last column is never padded. */
public final class TextTable {

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    /** A table with these column headings. */
    public TextTable(String... headings) {
        this.columns = headings.length;
        rows.add(headings.clone());
    }

    /** Adds a row; null cells print empty. */
    public TextTable row(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("Expected " + columns + " cells, got " + cells.length);
        }
        String[] copy = new String[columns];
        for (int i = 0; i < columns; i++) {
            copy[i] = cells[i] == null ? "" : cells[i];
        }
        rows.add(copy);
        return this;
    }

    /** The rendered lines, heading first. */
    public List<String> lines() {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
