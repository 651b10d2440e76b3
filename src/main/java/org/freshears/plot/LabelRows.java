package org.freshears.plot;

/**
 * Stacks marker labels in rows so that neighbours do not print over each other. A label starts at its
 * marker and runs right; its width is estimated for the default chart size (about 1100 px of data area at
 * 1200 px, 13 pt marker font ≈ 7.5 px a character). Each label takes the first row whose previous label
 * ended before it starts; when all rows are taken, the row that frees up first.
 */
final class LabelRows {
    static final int MAX_ROWS = 3;
    private static final double DATA_AREA_PX = 1100;
    private static final double CHAR_PX = 7.5;
    private static final double PADDING_PX = 12;

    private LabelRows() {
    }

    /**
     * @param startFractions where each label starts along the axis, 0..1, in ascending order
     * @param labels the label texts (null or empty: no label, row 0)
     */
    static int[] assign(double[] startFractions, String[] labels) {
        int[] rows = new int[labels.length];
        double[] rowEnds = new double[MAX_ROWS];
        java.util.Arrays.fill(rowEnds, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == null || labels[i].isEmpty()) {
                continue;
            }
            double start = startFractions[i];
            double end = start + (labels[i].length() * CHAR_PX + PADDING_PX) / DATA_AREA_PX;
            int row = -1;
            for (int r = 0; r < MAX_ROWS && row < 0; r++) {
                if (rowEnds[r] <= start) {
                    row = r;
                }
            }
            if (row < 0) {
                row = 0;
                for (int r = 1; r < MAX_ROWS; r++) {
                    if (rowEnds[r] < rowEnds[row]) {
                        row = r;
                    }
                }
            }
            rows[i] = row;
            rowEnds[row] = end;
        }
        return rows;
    }
}
