package com.tapstack.text;

import java.util.List;

/** Left-aligned columns for terminal reports: two spaces apart, indented by two, the last column unpadded. */
public final class TextTable {

    private TextTable() {
    }

    public static String render(List<List<String>> rows) {
        var widths = new int[rows.get(0).size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        var out = new StringBuilder();
        for (var row : rows) {
            var line = new StringBuilder("  ");
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
