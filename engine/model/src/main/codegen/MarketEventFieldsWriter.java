/** Writes {@code MarketEventFields}: the ring event's input fields, in the table's groups, and their copy. */
final class MarketEventFieldsWriter
{
    private MarketEventFieldsWriter()
    {
    }

    static String write(final EventTable t)
    {
        final StringBuilder b = new StringBuilder();
        b.append("""
            package io.tickwire.model.event;

            /**
             * The input fields of the ring event: a flat union over every input type (only the fields of the event's
             * type are meaningful). Generated at build time from engine/model/src/main/codegen/market-event.fields by
             * EventFieldsGenerator: edit the table, not this file.
             */
            public abstract class MarketEventFields
            {
            """);
        for (final EventTable.Group g : t.groups)
        {
            if (g.heading() != null)
            {
                b.append("    // ").append(g.heading()).append('\n');
            }
            for (final EventTable.Field f : g.fields())
            {
                if (f.comment() != null)
                {
                    b.append("    /** ").append(EventTable.capitalize(f.comment())).append(". */\n");
                }
                switch (f.kind())
                {
                    case "bytes" -> b.append("    public final byte[] ").append(f.name()).append(" = new byte[MarketEvent.")
                        .append(f.size()).append("];\n");
                    case "shorts" -> b.append("    public final short[] ").append(f.name())
                        .append(" = new short[MarketEvent.").append(f.size()).append("];\n");
                    case "doubles" -> b.append("    public final double[] ").append(f.name())
                        .append(" = new double[MarketEvent.").append(f.size()).append("];\n");
                    case "text" -> b.append("    public final byte[] ").append(f.name()).append(" = new byte[MarketEvent.")
                        .append(f.size()).append("];\n    public int ").append(f.name()).append("Length;\n");
                    default -> b.append("    public ").append(f.kind()).append(' ').append(f.name()).append(";\n");
                }
            }
            b.append('\n');
        }
        b.append("""
                /** Copies every input field of {@code o}; clears the verdicts a stage sets. */
                protected final void copyFieldsFrom(final MarketEventFields o)
                {
            """);
        for (final EventTable.Field f : t.fields.values())
        {
            switch (f.kind())
            {
                case "bytes", "shorts", "doubles" -> b.append("        System.arraycopy(o.").append(f.name()).append(", 0, ")
                    .append(f.name()).append(", 0, o.").append(f.count()).append(");\n");
                case "text" -> b.append("        ").append(f.name()).append("Length = o.").append(f.name())
                    .append("Length;\n        System.arraycopy(o.").append(f.name()).append(", 0, ").append(f.name())
                    .append(", 0, o.").append(f.name()).append("Length);\n");
                default -> b.append("        ").append(f.name()).append(" = ")
                    .append(f.verdict() ? "0" : "o." + f.name()).append(";\n");
            }
        }
        b.append("    }\n}\n");
        return b.toString();
    }

}
