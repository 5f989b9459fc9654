package io.tickwire.engine.time;

import io.tickwire.codecs.sbe.UsSession;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The US equity session of an instant, on the US/Eastern clock with daylight saving: pre-market 04:00–09:30,
 * regular 09:30–16:00, post-market 16:00–20:00 (13:00 and 17:00 on early-close days), closed otherwise, on
 * weekends and on NYSE holidays. Also the trading day (yyyymmdd, Eastern date).
 *
 * <p>Garbage-free in steady state: the UTC offset is cached until the next DST transition and the day's
 * facts per Eastern day, so java.time is only consulted when a day or an offset period changes.
 * Holidays and early closes come from the exchange's rules for any year ({@link NyseHolidays}).
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

    /** Whether the NYSE trades on {@code date} (a weekday, not a holiday; an early close is a trading day). */
    public static boolean isTradingDay(final LocalDate date)
    {
        final DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !NyseHolidays.isHoliday(date);
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
            cachedOpen = isTradingDay(date);
            final boolean early = cachedOpen && NyseHolidays.isEarlyClose(date);
            cachedRegularClose = early ? EARLY_CLOSE : REGULAR_CLOSE;
            cachedPostClose = early ? EARLY_POST_CLOSE : POST_CLOSE;
        }
    }
}
