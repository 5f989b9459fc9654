package io.tickwire.engine.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;

/**
 * NYSE full holidays and early closes (13:00) for any year, from the exchange's rules (NYSE Rule 7.2 and its
 * published calendars), with a table of the days it closed outside them. A rule-based calendar does not expire:
 * tested against the published calendars of 2020–2027.
 *
 * <ul>
 * <li>New Year's Day (Jan 1; a Sunday moves to Monday; a Saturday is not observed on Dec 31), Martin Luther King
 * Jr. Day (third Monday of January), Washington's Birthday (third Monday of February), Good Friday, Memorial
 * Day (last Monday of May), Juneteenth (June 19, from 2022), Independence Day (July 4), Labor Day (first Monday
 * of September), Thanksgiving (fourth Thursday of November), Christmas (Dec 25) — the last three fixed dates
 * moved to Friday when on a Saturday and to Monday when on a Sunday;</li>
 * <li>early closes: July 3 when it is Monday to Thursday, the day after Thanksgiving, and Dec 24 when it is
 * Monday to Thursday.</li>
 * </ul>
 */
final class NyseHolidays
{
    /** Closures outside the rules: national days of mourning, and the exchange's emergency closures. */
    private static final Set<LocalDate> EXCEPTIONS = Set.of(
        LocalDate.of(2001, 9, 11), LocalDate.of(2001, 9, 12), LocalDate.of(2001, 9, 13), LocalDate.of(2001, 9, 14),
        LocalDate.of(2004, 6, 11), LocalDate.of(2007, 1, 2), LocalDate.of(2012, 10, 29), LocalDate.of(2012, 10, 30),
        LocalDate.of(2018, 12, 5), LocalDate.of(2025, 1, 9));

    private NyseHolidays()
    {
    }

    static boolean isHoliday(final LocalDate date)
    {
        if (EXCEPTIONS.contains(date))
        {
            return true;
        }
        final int year = date.getYear();
        final LocalDate newYear = LocalDate.of(year, 1, 1);
        return date.equals(newYear.getDayOfWeek() == DayOfWeek.SUNDAY ? newYear.plusDays(1) : newYear) ||
            date.equals(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3)) ||
            date.equals(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3)) ||
            date.equals(easter(year).minusDays(2)) ||
            date.equals(LocalDate.of(year, 5, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))) ||
            year >= 2022 && date.equals(observed(LocalDate.of(year, 6, 19))) ||
            date.equals(observed(LocalDate.of(year, 7, 4))) ||
            date.equals(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1)) ||
            date.equals(thanksgiving(year)) ||
            date.equals(observed(LocalDate.of(year, 12, 25)));
    }

    static boolean isEarlyClose(final LocalDate date)
    {
        final int year = date.getYear();
        return date.equals(thanksgiving(year).plusDays(1)) ||
            (date.equals(LocalDate.of(year, 7, 3)) || date.equals(LocalDate.of(year, 12, 24))) &&
                date.getDayOfWeek().getValue() <= DayOfWeek.THURSDAY.getValue() && !isHoliday(date);
    }

    private static LocalDate thanksgiving(final int year)
    {
        return nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4);
    }

    /** A fixed-date holiday on a weekend is observed on the Friday before or the Monday after. */
    private static LocalDate observed(final LocalDate date)
    {
        return switch (date.getDayOfWeek())
        {
            case SATURDAY -> date.minusDays(1);
            case SUNDAY -> date.plusDays(1);
            default -> date;
        };
    }

    private static LocalDate nth(final int year, final Month month, final DayOfWeek day, final int n)
    {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    /** Easter Sunday, Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm). */
    static LocalDate easter(final int year)
    {
        final int a = year % 19;
        final int b = year / 100;
        final int c = year % 100;
        final int d = b / 4;
        final int e = b % 4;
        final int f = (b + 8) / 25;
        final int g = (b - f + 1) / 3;
        final int h = (19 * a + b - d - g + 15) % 30;
        final int i = c / 4;
        final int k = c % 4;
        final int l = (32 + 2 * e + 2 * i - h - k) % 7;
        final int m = (a + 11 * h + 22 * l) / 451;
        final int month = (h + l - 7 * m + 114) / 31;
        final int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
