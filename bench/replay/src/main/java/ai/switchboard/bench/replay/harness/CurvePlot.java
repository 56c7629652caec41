package ai.switchboard.bench.replay.harness;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The cost-quality plot: one panel per dataset, cost (% of the strong model's) across, accuracy (% of the strong
 * model's) up, a marker per policy setting and the random-router and perfect-router lines, tiled into one PNG.
 */
public final class CurvePlot {

    private static final int PANEL_WIDTH = 560;
    private static final int PANEL_HEIGHT = 420;
    private static final int COLUMNS = 2;
    private static final Map<String, Color> POLICY_COLORS = Map.of(
            "always-strong", new Color(0x1f77b4), "always-weak", new Color(0x7f7f7f),
            "cascade", new Color(0xd62728), "router", new Color(0x2ca02c), "specialist", new Color(0x9467bd));

    private CurvePlot() {
    }

    /** Writes the PNG; {@code lines} and {@code points} are keyed by dataset, in panel order. */
    public static void write(Path file, Map<String, ReferenceLines> lines, Map<String, List<PolicyPoint>> points)
            throws IOException {
        List<String> datasets = List.copyOf(points.keySet());
        int rows = (datasets.size() + COLUMNS - 1) / COLUMNS;
        int columns = Math.min(COLUMNS, datasets.size());
        BufferedImage image = new BufferedImage(columns * PANEL_WIDTH, rows * PANEL_HEIGHT,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < datasets.size(); i++) {
            String dataset = datasets.get(i);
            JFreeChart chart = chart(dataset, lines.get(dataset), points.get(dataset));
            chart.draw(graphics, new Rectangle2D.Double((i % COLUMNS) * PANEL_WIDTH, (i / COLUMNS) * PANEL_HEIGHT,
                    PANEL_WIDTH, PANEL_HEIGHT));
        }
        graphics.dispose();
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    static JFreeChart chart(String dataset, ReferenceLines lines, List<PolicyPoint> points) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("random router", lines.random()));
        data.addSeries(series("perfect router", lines.perfect()));
        Map<String, XYSeries> byPolicy = new LinkedHashMap<>();
        for (PolicyPoint point : points) {
            byPolicy.computeIfAbsent(point.policy(), policy -> new XYSeries(policy, false, true))
                    .add(point.perCallCostPct(), point.accuracyPct());
        }
        byPolicy.values().forEach(data::addSeries);

        JFreeChart chart = ChartFactory.createXYLineChart(dataset,
                "cost, % of the strong model's (each call at its model's price)", "accuracy, % of the strong model's",
                data, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        // Accuracies sit between the weak model's and a little over 100%: a zero-based axis would flatten them.
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, true);
        renderer.setSeriesShapesVisible(0, false);
        renderer.setSeriesPaint(0, Color.GRAY);
        renderer.setSeriesStroke(0, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                new float[] {6, 4}, 0));
        renderer.setSeriesLinesVisible(1, true);
        renderer.setSeriesShapesVisible(1, false);
        renderer.setSeriesPaint(1, Color.BLACK);
        renderer.setSeriesStroke(1, new BasicStroke(1.5f));
        Shape dot = new Ellipse2D.Double(-4.5, -4.5, 9, 9);
        int series = 2;
        for (String policy : byPolicy.keySet()) {
            renderer.setSeriesLinesVisible(series, false);
            renderer.setSeriesShapesVisible(series, true);
            renderer.setSeriesShape(series, policy.startsWith("always-") ? ShapeUtils.createDiamond(6) : dot);
            renderer.setSeriesPaint(series, POLICY_COLORS.getOrDefault(policy, Color.ORANGE));
            series++;
        }
        plot.setRenderer(renderer);
        return chart;
    }

    private static XYSeries series(String name, List<CurvePoint> curve) {
        XYSeries series = new XYSeries(name, false, true);
        curve.forEach(point -> series.add(point.costPct(), point.accuracyPct()));
        return series;
    }
}
