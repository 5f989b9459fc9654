package io.tickwire.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Free bytes on the volume of a directory: the file store's by default; a test can play a filling disk. */
@FunctionalInterface
public interface FreeSpaceProbe
{
    FreeSpaceProbe VOLUME = (dir) -> Files.getFileStore(dir).getUsableSpace();

    long freeBytes(Path dir) throws IOException;
}
