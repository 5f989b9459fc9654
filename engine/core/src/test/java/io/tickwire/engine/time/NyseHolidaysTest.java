package io.tickwire.engine.time;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rules against the calendars NYSE published for 2020–2027: every full holiday and early close, no other. */
class NyseHolidaysTest
{
    private static final Set<LocalDate> PUBLISHED_HOLIDAYS = Set.of(
        d(2020, 1, 1), d(2020, 1, 20), d(2020, 2, 17), d(2020, 4, 10), d(2020, 5, 25), d(2020, 7, 3), d(2020, 9, 7),
        d(2020, 11, 26), d(2020, 12, 25),
        d(2021, 1, 1), d(2021, 1, 18), d(2021, 2, 15), d(2021, 4, 2), d(2021, 5, 31), d(2021, 7, 5), d(2021, 9, 6),
        d(2021, 11, 25), d(2021, 12, 24),
        d(2022, 1, 17), d(2022, 2, 21), d(2022, 4, 15), d(2022, 5, 30), d(2022, 6, 20), d(2022, 7, 4),
        d(2022, 9, 5), d(2022, 11, 24), d(2022, 12, 26),
        d(2023, 1, 2), d(2023, 1, 16), d(2023, 2, 20), d(2023, 4, 7), d(2023, 5, 29), d(2023, 6, 19), d(2023, 7, 4),
        d(2023, 9, 4), d(2023, 11, 23), d(2023, 12, 25),
        d(2024, 1, 1), d(2024, 1, 15), d(2024, 2, 19), d(2024, 3, 29), d(2024, 5, 27), d(2024, 6, 19), d(2024, 7, 4),
        d(2024, 9, 2), d(2024, 11, 28), d(2024, 12, 25),
        d(2025, 1, 1), d(2025, 1, 9), d(2025, 1, 20), d(2025, 2, 17), d(2025, 4, 18), d(2025, 5, 26),
        d(2025, 6, 19), d(2025, 7, 4), d(2025, 9, 1), d(2025, 11, 27), d(2025, 12, 25),
        d(2026, 1, 1), d(2026, 1, 19), d(2026, 2, 16), d(2026, 4, 3), d(2026, 5, 25), d(2026, 6, 19), d(2026, 7, 3),
        d(2026, 9, 7), d(2026, 11, 26), d(2026, 12, 25),
        d(2027, 1, 1), d(2027, 1, 18), d(2027, 2, 15), d(2027, 3, 26), d(2027, 5, 31), d(2027, 6, 18), d(2027, 7, 5),
        d(2027, 9, 6), d(2027, 11, 25), d(2027, 12, 24));
    private static final Set<LocalDate> PUBLISHED_EARLY_CLOSES = Set.of(
        d(2020, 11, 27), d(2020, 12, 24), d(2021, 11, 26), d(2022, 11, 25), d(2023, 7, 3), d(2023, 11, 24),
        d(2024, 7, 3), d(2024, 11, 29), d(2024, 12, 24), d(2025, 7, 3), d(2025, 11, 28), d(2025, 12, 24),
        d(2026, 11, 27), d(2026, 12, 24), d(2027, 11, 26));

    @Test
    void shouldAgreeWithThePublishedCalendarsDayByDay()
    {
        final List<String> wrong = new ArrayList<>();
        for (LocalDate date = d(2020, 1, 1); date.isBefore(d(2028, 1, 1)); date = date.plusDays(1))
        {
            if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY)
            {
                continue;
            }
            if (NyseHolidays.isHoliday(date) != PUBLISHED_HOLIDAYS.contains(date))
            {
                wrong.add(date + (PUBLISHED_HOLIDAYS.contains(date) ? " is a holiday" : " is a trading day"));
            }
            if (NyseHolidays.isEarlyClose(date) != PUBLISHED_EARLY_CLOSES.contains(date))
            {
                wrong.add(date + (PUBLISHED_EARLY_CLOSES.contains(date) ? " closes early" : " closes at 16:00"));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void shouldKnowYearsNoTableListed()
    {
        assertEquals(d(2035, 3, 25), NyseHolidays.easter(2035));
        assertEquals(true, NyseHolidays.isHoliday(d(2035, 3, 23)), "Good Friday 2035");
        assertEquals(true, NyseHolidays.isHoliday(d(2040, 11, 22)), "Thanksgiving 2040");
        assertEquals(true, NyseHolidays.isEarlyClose(d(2040, 11, 23)));
    }

    private static LocalDate d(final int year, final int month, final int day)
    {
        return LocalDate.of(year, month, day);
    }
}
