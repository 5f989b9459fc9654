package io.tickwire.replay.backtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The backtest's tables — every setup's path, hit rates and expectancy by direction and confirmation rule, alerts
 * by type and hour, the Brier score of the desks' forecasts with its reliability table — as CSV files and one
 * self-contained HTML page (inline SVG, no network).
 */
public final class BacktestReport
{
    private static final int BINS = 10;

    /** The headline figures, for tests and the summary line. */
    public record Summary(int setups, int triggered, int hitTarget1, double expectancyR, double brier, int forecasts)
    {
    }

    private BacktestReport()
    {
    }

    public static Summary summary(final Backtest.Result result)
    {
        int triggered = 0;
        int hit = 0;
        double rSum = 0;
        int rCount = 0;
        for (final Backtest.Path p : result.setups())
        {
            if (p.triggered())
            {
                triggered++;
                hit += p.hitTarget1() ? 1 : 0;
                if (!Double.isNaN(p.r()))
                {
                    rSum += p.r();
                    rCount++;
                }
            }
        }
        final double[] brier = brier(result.setups());
        return new Summary(result.setups().size(), triggered, hit, rCount == 0 ? Double.NaN : rSum / rCount, brier[0],
            (int)brier[1]);
    }

    /**
     * Over triggered setups that resolved and carried a forecast: the mean of (p − outcome)², outcome 1 when
     * target 1 came before the stop. @return {score, count}
     */
    static double[] brier(final List<Backtest.Path> paths)
    {
        double sum = 0;
        int n = 0;
        for (final Backtest.Path p : paths)
        {
            if (scored(p))
            {
                final double o = p.hitTarget1() ? 1 : 0;
                sum += (p.probability() - o) * (p.probability() - o);
                n++;
            }
        }
        return new double[]{n == 0 ? Double.NaN : sum / n, n};
    }

    private static boolean scored(final Backtest.Path p)
    {
        return p.probability() >= 0 && p.triggered() && (p.hitTarget1() || !p.outcome().equals("OPEN"));
    }

    public static void write(final Backtest.Result result, final Path dir) throws IOException
    {
        Files.createDirectories(dir);
        final StringBuilder setups = new StringBuilder("id,symbol,direction,confirm,p,placed,triggered,target1," +
            "ended,outcome,entry,stop,exit,r,mfe_atr,mae_atr,atr,seconds_to_trigger,seconds_to_target1\n");
        for (final Backtest.Path p : result.setups())
        {
            setups.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s%n",
                p.id(), p.symbol(), p.direction(), p.confirm(), p.probability() < 0 ? "" : num(p.probability()),
                time(p.placedAt()), time(p.triggeredAt()), time(p.target1At()), time(p.endedAt()), p.outcome(),
                num(p.entry()), num(p.stop()), num(p.exit()), num(p.r()), num(p.mfeAtr()), num(p.maeAtr()),
                num(p.atr()), p.triggeredAt() == 0 ? "" : num((p.triggeredAt() - p.placedAt()) / 1e9),
                p.target1At() == 0 ? "" : num((p.target1At() - p.triggeredAt()) / 1e9)));
        }
        Files.writeString(dir.resolve("setups.csv"), setups, StandardCharsets.UTF_8);
        final Map<String, double[]> groups = groups(result.setups());
        final StringBuilder summary = new StringBuilder("group,setups,triggered,hit_target1_rate,expectancy_r\n");
        groups.forEach((g, v) -> summary.append(String.format(Locale.ROOT, "%s,%d,%d,%s,%s%n", g, (int)v[0], (int)v[1],
            num(v[1] == 0 ? Double.NaN : v[2] / v[1]), num(v[4] == 0 ? Double.NaN : v[3] / v[4]))));
        Files.writeString(dir.resolve("summary.csv"), summary, StandardCharsets.UTF_8);
        final StringBuilder alerts = new StringBuilder("alert_type");
        for (int h = 0; h < 24; h++)
        {
            alerts.append(",h").append(h);
        }
        alerts.append('\n');
        result.alertsByTypeAndHour().forEach((type, hours) ->
        {
            alerts.append(type);
            for (final long n : hours)
            {
                alerts.append(',').append(n);
            }
            alerts.append('\n');
        });
        Files.writeString(dir.resolve("alerts.csv"), alerts, StandardCharsets.UTF_8);
        final double[][] reliability = reliability(result.setups());
        final StringBuilder rel = new StringBuilder("bin_from,bin_to,forecasts,mean_p,observed\n");
        for (int b = 0; b < BINS; b++)
        {
            rel.append(String.format(Locale.ROOT, "%.1f,%.1f,%d,%s,%s%n", b / (double)BINS, (b + 1) / (double)BINS,
                (int)reliability[b][0], num(reliability[b][1]), num(reliability[b][2])));
        }
        Files.writeString(dir.resolve("reliability.csv"), rel, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.html"), html(result, groups, reliability), StandardCharsets.UTF_8);
    }

    /** By direction, and by confirmation rule: {setups, triggered, hit T1, sum R, count R}. */
    private static Map<String, double[]> groups(final List<Backtest.Path> paths)
    {
        final Map<String, double[]> groups = new LinkedHashMap<>();
        for (final Backtest.Path p : paths)
        {
            for (final String g : List.of("all", "direction=" + p.direction(), "confirm=" + p.confirm()))
            {
                final double[] v = groups.computeIfAbsent(g, (k) -> new double[5]);
                v[0]++;
                if (p.triggered())
                {
                    v[1]++;
                    v[2] += p.hitTarget1() ? 1 : 0;
                    if (!Double.isNaN(p.r()))
                    {
                        v[3] += p.r();
                        v[4]++;
                    }
                }
            }
        }
        return groups;
    }

    /** Per forecast bin: {count, mean forecast, observed frequency}. */
    private static double[][] reliability(final List<Backtest.Path> paths)
    {
        final double[][] bins = new double[BINS][3];
        final double[][] sums = new double[BINS][2];
        for (final Backtest.Path p : paths)
        {
            if (scored(p))
            {
                final int b = Math.min(BINS - 1, (int)(p.probability() * BINS));
                bins[b][0]++;
                sums[b][0] += p.probability();
                sums[b][1] += p.hitTarget1() ? 1 : 0;
            }
        }
        for (int b = 0; b < BINS; b++)
        {
            bins[b][1] = bins[b][0] == 0 ? Double.NaN : sums[b][0] / bins[b][0];
            bins[b][2] = bins[b][0] == 0 ? Double.NaN : sums[b][1] / bins[b][0];
        }
        return bins;
    }

    private static String html(final Backtest.Result result, final Map<String, double[]> groups,
        final double[][] reliability)
    {
        final Summary s = summary(result);
        final StringBuilder h = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\">" +
            "<title>tickwire backtest</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:" +
            "collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}</style></head><body>");
        h.append("<h1>Backtest</h1><p>").append(s.setups()).append(" setups, ").append(s.triggered())
            .append(" triggered, ").append(s.hitTarget1()).append(" reached target 1; expectancy ")
            .append(num(s.expectancyR())).append(" R; Brier score ").append(num(s.brier())).append(" over ")
            .append(s.forecasts()).append(" forecasts.</p>");
        h.append("<h2>Hit rate of target 1 (triggered setups)</h2><svg width=\"420\" height=\"")
            .append(30 * groups.size() + 10).append("\">");
        int row = 0;
        for (final Map.Entry<String, double[]> g : groups.entrySet())
        {
            final double rate = g.getValue()[1] == 0 ? 0 : g.getValue()[2] / g.getValue()[1];
            h.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text><rect x=\"150\" y=\"%d\" " +
                "width=\"%.0f\" height=\"18\" fill=\"#4a7\"/><text x=\"%.0f\" y=\"%d\">%.0f%%</text>",
                row * 30 + 20, esc(g.getKey()), row * 30 + 6, rate * 200, 155 + rate * 200, row * 30 + 20, rate * 100));
            row++;
        }
        h.append("</svg><h2>Reliability of the forecasts</h2><svg width=\"260\" height=\"260\">" +
            "<rect x=\"30\" y=\"10\" width=\"200\" height=\"200\" fill=\"none\" stroke=\"#999\"/>" +
            "<line x1=\"30\" y1=\"210\" x2=\"230\" y2=\"10\" stroke=\"#ccc\"/>");
        final List<String> points = new ArrayList<>();
        for (final double[] bin : reliability)
        {
            if (bin[0] > 0)
            {
                points.add(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#36c\"/>",
                    30 + bin[1] * 200, 210 - bin[2] * 200, 3 + Math.sqrt(bin[0])));
            }
        }
        points.forEach(h::append);
        h.append("<text x=\"80\" y=\"240\">forecast p</text><text x=\"0\" y=\"120\" " +
            "transform=\"rotate(-90 10 120)\">observed</text></svg>");
        h.append("<h2>Setups</h2><table><tr><th>id</th><th>symbol</th><th>direction</th><th>outcome</th>" +
            "<th>entry</th><th>exit</th><th>R</th><th>MFE (ATR)</th><th>MAE (ATR)</th></tr>");
        for (final Backtest.Path p : result.setups())
        {
            h.append("<tr><td>").append(p.id()).append("</td><td>").append(esc(p.symbol())).append("</td><td>")
                .append(p.direction()).append("</td><td>").append(p.outcome()).append("</td><td>").append(num(p.entry()))
                .append("</td><td>").append(num(p.exit())).append("</td><td>").append(num(p.r())).append("</td><td>")
                .append(num(p.mfeAtr())).append("</td><td>").append(num(p.maeAtr())).append("</td></tr>");
        }
        return h.append("</table><p>Tables as CSV beside this page: setups, summary, alerts, reliability.</p>" +
            "</body></html>\n").toString();
    }

    private static String num(final double v)
    {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String time(final long nanos)
    {
        return nanos == 0 ? "" : Instant.ofEpochSecond(0, nanos).toString();
    }

    private static String esc(final String text)
    {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;");
    }
}
