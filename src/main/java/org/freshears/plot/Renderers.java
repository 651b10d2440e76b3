package org.freshears.plot;

import java.awt.Paint;
import java.awt.Stroke;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/** Line renderers in the house style: lines only, drawn as one path per series (clean joins, NaN = gap). */
final class Renderers {
    private Renderers() {
    }

    static XYLineAndShapeRenderer lines() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true);
        r.setAutoPopulateSeriesPaint(false);
        r.setAutoPopulateSeriesStroke(false);
        return r;
    }

    static void series(XYLineAndShapeRenderer r, int index, Paint paint, Stroke stroke) {
        r.setSeriesPaint(index, paint);
        r.setSeriesStroke(index, stroke);
    }
}
