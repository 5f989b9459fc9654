package io.tickwire.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FixedPointTest
{
    @Test
    void shouldParseDecimalsExactly()
    {
        assertEquals(600_010_000L, FixedPoint.parse("600.01"));
        assertEquals(7_300L, FixedPoint.parse("0.0073"));
        assertEquals(44_000_000L, FixedPoint.parse("44"));
        assertEquals(-1_500_000L, FixedPoint.parse("-1.5"));
        assertEquals(10_000L, FixedPoint.parse("1e-2"));
        assertEquals(150_000_000L, FixedPoint.parse("1.5E2"));
        assertEquals(123_456_789L, FixedPoint.parse("123.4567891"), "digits past the sixth decimal truncate");
    }

    @Test
    void shouldRejectWhatIsNotANumber()
    {
        assertEquals(FixedPoint.INVALID, FixedPoint.parse("abc"));
        assertEquals(FixedPoint.INVALID, FixedPoint.parse(""));
        assertEquals(FixedPoint.INVALID, FixedPoint.parse("1.2.3"));
        assertEquals(FixedPoint.INVALID, FixedPoint.parse("-"));
        assertEquals(FixedPoint.INVALID, FixedPoint.parse("1e"));
    }

    @Test
    void shouldPrintTheShortestExactForm()
    {
        assertEquals("600.01", FixedPoint.toString(600_010_000L));
        assertEquals("0.0073", FixedPoint.toString(7_300L));
        assertEquals("44", FixedPoint.toString(44_000_000L));
        assertEquals("-1.5", FixedPoint.toString(-1_500_000L));
        assertEquals("0.000001", FixedPoint.toString(1L));
    }
}
