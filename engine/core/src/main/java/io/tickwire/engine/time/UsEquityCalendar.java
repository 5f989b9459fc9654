package io.tickwire.engine.time;

import io.tickwire.codecs.sbe.UsSession;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Set;

/**
 * The US equity session of an instant, on the US/Eastern clock with daylight saving: pre-market 04:00–09:30,
 * regular 09:30–16:00, post-market 16:00–20:00 (13:00 and 17:00 on early-close days), closed otherwise, on
 * weekends and on NYSE holidays. Also the trading day (yyyymmdd, Eastern date).
 *
 * <p>Garbage-free in steady state: the UTC offset is cached until the next DST transition and the day's
 * facts per Eastern day, so java.time is only consulted when a day or an offset period changes.
 * The holiday table covers 2025–2027 (docs/analytics.md); outside it only weekends are closed.
 */
public final class UsEquityCalendar
{
    private static final ZoneRules NEW_YORK = ZoneId.of("America/New_York").getRules();
    private static final int PRE_OPEN = 4 * 3600;
    private static final int REGULAR_OPEN = 9 * 3600 + 1800;
    private static final int REGULAR_CLOSE = 16 * 3600;
    private static final int EARLY_CLOSE = 13 * 3600;
    private static final int POST_CLOSE = 20 * 3600;
    private static final int EARLY_POST_CLOSE = 17 * 3600;

    private static final Set<LocalDate> HOLIDAYS = Set.of(
        LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 9), LocalDate.of(2025, 1, 20), LocalDate.of(2025, 2, 17),
        LocalDate.of(2025, 4, 18), LocalDate.of(2025, 5, 26), LocalDate.of(2025, 6, 19), LocalDate.of(2025, 7, 4),
        LocalDate.of(2025, 9, 1), LocalDate.of(2025, 11, 27), LocalDate.of(2025, 12, 25),
        LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 19), LocalDate.of(2026, 2, 16), LocalDate.of(2026, 4, 3),
        LocalDate.of(2026, 5, 25), LocalDate.of(2026, 6, 19), LocalDate.of(2026, 7, 3), LocalDate.of(2026, 9, 7),
        LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 25),
        LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 18), LocalDate.of(2027, 2, 15), LocalDate.of(2027, 3, 26),
        LocalDate.of(2027, 5, 31), LocalDate.of(2027, 6, 18), LocalDate.of(2027, 7, 5), LocalDate.of(2027, 9, 6),
        LocalDate.of(2027, 11, 25), LocalDate.of(2027, 12, 24));
    private static final Set<LocalDate> EARLY_CLOSES = Set.of(
        LocalDate.of(2025, 7, 3), LocalDate.of(2025, 11, 28), LocalDate.of(2025, 12, 24),
        LocalDate.of(2026, 11, 27), LocalDate.of(2026, 12, 24),
        LocalDate.of(2027, 11, 26));

    private long offsetValidFrom = Long.MAX_VALUE;
    private long offsetValidUntil = Long.MIN_VALUE;
    private int offsetSeconds;
    private long cachedDay = Long.MIN_VALUE;
    private int cachedTradingDay;
    private boolean cachedOpen;
    private int cachedRegularClose;
    private int cachedPostClose;

    /** @return the {@link UsSession} value of the instant. */
    public short session(final long epochNanos)
    {
        final long local = localSeconds(epochNanos);
        day(Math.floorDiv(local, 86_400));
        if (!cachedOpen)
        {
            return UsSession.CLOSED.value();
        }
        final int second = (int)Math.floorMod(local, 86_400);
        if (second < PRE_OPEN || second >= cachedPostClose)
        {
            return UsSession.CLOSED.value();
        }
        if (second < REGULAR_OPEN)
        {
            return UsSession.PRE.value();
        }
        return second < cachedRegularClose ? UsSession.REGULAR.value() : UsSession.POST.value();
    }

    /** @return seconds since Eastern midnight of the instant. */
    public int secondOfDay(final long epochNanos)
    {
        return (int)Math.floorMod(localSeconds(epochNanos), 86_400);
    }

    /** @return the Eastern calendar date of the instant as yyyymmdd. */
    public int tradingDay(final long epochNanos)
    {
        day(Math.floorDiv(localSeconds(epochNanos), 86_400));
        return cachedTradingDay;
    }

    private long localSeconds(final long epochNanos)
    {
        final long seconds = Math.floorDiv(epochNanos, 1_000_000_000L);
        if (seconds < offsetValidFrom || seconds >= offsetValidUntil)
        {
            final Instant instant = Instant.ofEpochSecond(seconds);
            offsetSeconds = NEW_YORK.getOffset(instant).getTotalSeconds();
            final ZoneOffsetTransition next = NEW_YORK.nextTransition(instant);
            offsetValidFrom = seconds;
            offsetValidUntil = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        }
        return seconds + offsetSeconds;
    }

    private void day(final long epochDay)
    {
        if (epochDay != cachedDay)
        {
            cachedDay = epochDay;
            final LocalDate date = LocalDate.ofEpochDay(epochDay);
            cachedTradingDay = date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
            final DayOfWeek dow = date.getDayOfWeek();
            cachedOpen = dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !HOLIDAYS.contains(date);
            final boolean early = EARLY_CLOSES.contains(date);
            cachedRegularClose = early ? EARLY_CLOSE : REGULAR_CLOSE;
            cachedPostClose = early ? EARLY_POST_CLOSE : POST_CLOSE;
        }
    }
}
