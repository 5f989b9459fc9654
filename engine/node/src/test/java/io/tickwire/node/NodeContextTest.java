package io.tickwire.node;

import io.tickwire.config.ConfigException;
import io.tickwire.config.TickwireConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeContextTest
{
    @Test
    void shouldRefuseToPinToACpuTheMachineDoesNotHaveAndNameTheSource()
    {
        final TickwireConfig config = TickwireConfig.defaults().with(Map.of("engine.cpus", "0,1,99"));
        final ConfigException ex = assertThrows(ConfigException.class, () -> NodeContext.checkCpusExist(config, 16));
        assertTrue(ex.getMessage().contains("engine.cpus") && ex.getMessage().contains("below 16") &&
            ex.getMessage().contains("0,1,99"), ex.getMessage());
        assertDoesNotThrow(() -> NodeContext.checkCpusExist(config, 100));
    }
}
