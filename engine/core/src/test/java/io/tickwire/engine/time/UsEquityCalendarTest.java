package io.tickwire.engine.time;

import io.tickwire.codecs.sbe.UsSession;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UsEquityCalendarTest
{
    private final UsEquityCalendar calendar = new UsEquityCalendar();

    private static long eastern(final String localDateTime)
    {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("America/New_York")).toInstant().toEpochMilli() *
            1_000_000L;
    }

    private UsSession at(final String localDateTime)
    {
        return UsSession.get(calendar.session(eastern(localDateTime)));
    }

    @Test
    void shouldFindEachSessionAtItsBoundaries()
    {
        assertEquals(UsSession.CLOSED, at("2026-11-20T03:59:59"));
        assertEquals(UsSession.PRE, at("2026-11-20T04:00:00"));
        assertEquals(UsSession.PRE, at("2026-11-20T09:29:59"));
        assertEquals(UsSession.REGULAR, at("2026-11-20T09:30:00"));
        assertEquals(UsSession.REGULAR, at("2026-11-20T15:59:59"));
        assertEquals(UsSession.POST, at("2026-11-20T16:00:00"));
        assertEquals(UsSession.POST, at("2026-11-20T19:59:59"));
        assertEquals(UsSession.CLOSED, at("2026-11-20T20:00:00"));
        assertEquals(20261120, calendar.tradingDay(eastern("2026-11-20T19:59:59")));
    }

    @Test
    void shouldFollowDaylightSavingOnTheDaysTheClocksChange()
    {
        // 2026-03-08: clocks jump from 02:00 EST to 03:00 EDT; 09:30 EDT is 13:30 UTC (it was 14:30 UTC the day before)
        assertEquals(UsSession.REGULAR, at("2026-03-09T09:30:00"));
        final long openUtcBefore = java.time.Instant.parse("2026-03-06T14:30:00Z").toEpochMilli() * 1_000_000L;
        final long openUtcAfter = java.time.Instant.parse("2026-03-09T13:30:00Z").toEpochMilli() * 1_000_000L;
        assertEquals(UsSession.REGULAR, UsSession.get(calendar.session(openUtcBefore)));
        assertEquals(UsSession.REGULAR, UsSession.get(calendar.session(openUtcAfter)));
        assertEquals(UsSession.PRE, UsSession.get(calendar.session(openUtcAfter - 1)));
        // 2026-11-01: back to EST; 16:00 EST is 21:00 UTC
        final long closeUtc = java.time.Instant.parse("2026-11-02T21:00:00Z").toEpochMilli() * 1_000_000L;
        assertEquals(UsSession.REGULAR, UsSession.get(calendar.session(closeUtc - 1)));
        assertEquals(UsSession.POST, UsSession.get(calendar.session(closeUtc)));
    }

    @Test
    void shouldBeClosedOnWeekendsAndHolidaysAndCloseEarlyWhenTheExchangeDoes()
    {
        assertEquals(UsSession.CLOSED, at("2026-11-21T10:00:00"), "Saturday");
        assertEquals(UsSession.CLOSED, at("2026-11-26T10:00:00"), "Thanksgiving");
        assertEquals(UsSession.REGULAR, at("2026-11-27T12:59:59"), "day after Thanksgiving");
        assertEquals(UsSession.POST, at("2026-11-27T13:00:00"), "early close");
        assertEquals(UsSession.CLOSED, at("2026-11-27T17:00:00"));
        assertEquals(UsSession.CLOSED, at("2026-07-03T10:00:00"), "Independence Day observed");
    }
}
