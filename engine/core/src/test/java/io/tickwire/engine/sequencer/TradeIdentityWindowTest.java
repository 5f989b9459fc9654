package io.tickwire.engine.sequencer;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TradeIdentityWindowTest
{
    @Test
    void shouldRememberExactlyTheLastWindowIdentities()
    {
        final TradeIdentityWindow window = new TradeIdentityWindow(4);
        for (long id = 1; id <= 4; id++)
        {
            assertTrue(window.addIfAbsent(1, id));
        }
        assertFalse(window.addIfAbsent(1, 1));
        assertTrue(window.addIfAbsent(1, 5), "evicts id 1");
        assertTrue(window.addIfAbsent(1, 1), "id 1 was evicted, so it is new again");
        assertFalse(window.addIfAbsent(1, 5));
        assertEquals(4, window.size());
    }

    @Test
    void shouldAgreeWithASimpleModelOnARandomStream()
    {
        final long seed = Long.getLong("tickwire.test.seed", 20_261_130L); // fixed; -Dtickwire.test.seed=N to explore
        System.out.println("TradeIdentityWindowTest seed " + seed);
        final Random random = new Random(seed);
        final int size = 64;
        final TradeIdentityWindow window = new TradeIdentityWindow(size);
        final ArrayDeque<Long> order = new ArrayDeque<>();
        final Set<Long> model = new HashSet<>();
        for (int i = 0; i < 200_000; i++)
        {
            final long hi = 1 + random.nextInt(3);
            final long lo = random.nextInt(200);
            final long key = hi * 1_000 + lo;
            final boolean expectedNew = !model.contains(key);
            if (expectedNew)
            {
                if (order.size() == size)
                {
                    model.remove(order.removeFirst());
                }
                order.addLast(key);
                model.add(key);
            }
            assertEquals(expectedNew, window.addIfAbsent(hi, lo), "seed " + seed + " step " + i);
        }
    }
}
