package io.tickwire.model.setups;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No setup JSON can hurt the parser: it yields setups or an {@link SetupJson.InvalidSetup} that names the field
 * and what was expected; nothing else escapes. Coverage-guided fuzzing in {@code mvn verify}; findings stay in
 * src/test/resources as the regression corpus.
 */
class SetupJsonFuzzTest
{
    @FuzzTest(maxDuration = "15s")
    @DictionaryEntries({"{", "}", "[", "]", "\"symbol\":\"SPY\"", "\"direction\":\"long\"", "\"entry\":[100,101]",
        "\"stop\":99", "\"targets\":", "\"confirm\":", "\"trail\":", "\"expiry\":", "\"op\":\"amend\"", "\"id\":",
        "\"atr\"", "\"ticks\"", "\"dwell\"", "\"proximity\":", "1e999", "-1", "null"})
    void shouldParseOrSayWhy(@NotNull final String json)
    {
        try
        {
            for (final SetupRequest request : SetupJson.parseAll(json))
            {
                assertTrue(request.entryLow <= request.entryHigh, "entry zone low above high");
            }
        }
        catch (final SetupJson.InvalidSetup expected)
        {
            assertNotNull(expected.getMessage());
        }
        try
        {
            assertNotNull(SetupJson.parse(json));
        }
        catch (final SetupJson.InvalidSetup expected)
        {
            assertNotNull(expected.getMessage());
        }
    }
}
