package io.tickwire.replay.journal;

import org.agrona.DirectBuffer;
import uk.co.real_logic.sbe.PrimitiveType;
import uk.co.real_logic.sbe.ir.Encoding;
import uk.co.real_logic.sbe.ir.Ir;
import uk.co.real_logic.sbe.ir.Token;
import uk.co.real_logic.sbe.otf.AbstractTokenListener;
import uk.co.real_logic.sbe.otf.OtfHeaderDecoder;
import uk.co.real_logic.sbe.otf.OtfMessageDecoder;
import uk.co.real_logic.sbe.otf.Types;
import uk.co.real_logic.sbe.xml.IrGenerator;
import uk.co.real_logic.sbe.xml.ParserOptions;
import uk.co.real_logic.sbe.xml.XmlSchemaParser;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Any journal record to named fields, decoded from the SBE schema itself (sbe-tool's on-the-fly decoder over
 * the schema's IR), so every message type and every version reads without code per type: enums by name, sets
 * as lists of their choices, {@code Fixed6} values as exact decimals, var data as text. A record that does
 * not fit the schema (unknown template or schema, a newer version, a block or var data past its end) is an
 * {@link IllegalArgumentException} saying which.
 */
public final class RecordDecoder
{
    /** What a field holds, for typed columns (Parquet, SQL). */
    public enum Kind
    {
        /** {@code Fixed6}: an exact decimal with 6 places. */
        DECIMAL6,
        /** {@code EpochNanos}: nanoseconds since the epoch. */
        TIMESTAMP_NS,
        INTEGER,
        BIGINT,
        DOUBLE,
        /** Enums by name, character arrays, variable-length text. */
        TEXT,
        /** Sets, arrays and composites, as JSON text. */
        JSON
    }

    /** One decoded record: its message name and its fields as JSON values and kinds, in schema order. */
    public record Decoded(String type, List<String> names, List<String> jsonValues, List<Kind> kinds)
    {
        /** A field's JSON value, or null. */
        public String get(final String name)
        {
            final int i = names.indexOf(name);
            return i < 0 ? null : jsonValues.get(i);
        }

        public long number(final String name, final long absent)
        {
            final String v = get(name);
            return v == null || v.startsWith("\"") || v.startsWith("[") || v.equals("null") ? absent :
                new BigDecimal(v).longValue();
        }
    }

    private final Ir ir;
    private final OtfHeaderDecoder header;
    private final Fields fields = new Fields();

    public RecordDecoder()
    {
        try (InputStream schema = RecordDecoder.class.getResourceAsStream("/sbe/tickwire-schema.xml"))
        {
            if (schema == null)
            {
                throw new IllegalStateException("the SBE schema is not on the classpath (codecs jar)");
            }
            ir = new IrGenerator().generate(XmlSchemaParser.parse(schema,
                ParserOptions.builder().suppressOutput(true).stopOnError(true).build())); // no Golang naming warnings
        }
        catch (final RuntimeException ex)
        {
            throw ex;
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException("the SBE schema does not parse: " + ex.getMessage(), ex);
        }
        header = new OtfHeaderDecoder(ir.headerStructure());
    }

    /** The schema version this decoder knows. */
    public int schemaVersion()
    {
        return ir.version();
    }

    public Decoded decode(final DirectBuffer buffer, final int length)
    {
        if (length < header.encodedLength())
        {
            throw new IllegalArgumentException(length + " bytes: shorter than the " + header.encodedLength() +
                "-byte SBE header");
        }
        final int schemaId = header.getSchemaId(buffer, 0);
        final int templateId = header.getTemplateId(buffer, 0);
        final int version = header.getSchemaVersion(buffer, 0);
        final int blockLength = header.getBlockLength(buffer, 0);
        if (schemaId != ir.id())
        {
            throw new IllegalArgumentException("schema id " + schemaId + ", not " + ir.id());
        }
        final List<Token> tokens = ir.getMessage(templateId);
        if (tokens == null)
        {
            throw new IllegalArgumentException("unknown template id " + templateId);
        }
        if (version > ir.version())
        {
            throw new IllegalArgumentException("version " + version + " is newer than this build's " + ir.version());
        }
        if (header.encodedLength() + blockLength > length)
        {
            throw new IllegalArgumentException(tokens.get(0).name() + ": block of " + blockLength +
                " bytes past the record's " + length);
        }
        fields.reset(tokens.get(0).name(), buffer, length);
        final int end = OtfMessageDecoder.decode(buffer, header.encodedLength(), version, blockLength, tokens, fields);
        if (end > length || fields.overrun)
        {
            throw new IllegalArgumentException(tokens.get(0).name() + ": variable-length data past the record's " +
                length + " bytes");
        }
        return new Decoded(tokens.get(0).name(), List.copyOf(fields.names), List.copyOf(fields.values),
            List.copyOf(fields.kinds));
    }

    /** Collects the top-level fields; composites and groups as JSON objects and arrays. */
    private static final class Fields extends AbstractTokenListener
    {
        final List<String> names = new ArrayList<>();
        final List<String> values = new ArrayList<>();
        final List<Kind> kinds = new ArrayList<>();
        private String message;
        private DirectBuffer buffer;
        private int length;
        private boolean overrun;
        private StringBuilder nested;
        private int depth;

        void reset(final String message, final DirectBuffer buffer, final int length)
        {
            this.message = message;
            this.buffer = buffer;
            this.length = length;
            names.clear();
            values.clear();
            kinds.clear();
            overrun = false;
            nested = null;
            depth = 0;
        }

        @Override
        public void onEncoding(final Token fieldToken, final DirectBuffer buffer, final int index, final Token typeToken,
            final int actingVersion)
        {
            final StringBuilder value = new StringBuilder();
            final Encoding encoding = typeToken.encoding();
            final Kind kind = kind(typeToken, encoding);
            if (fieldToken.version() > actingVersion)
            {
                value.append("null"); // a field added after the record was written
            }
            else if (typeToken.arrayLength() > 1 && encoding.primitiveType() == PrimitiveType.CHAR)
            {
                final byte[] chars = new byte[typeToken.arrayLength()];
                buffer.getBytes(index, chars);
                int n = 0;
                while (n < chars.length && chars[n] != 0)
                {
                    n++;
                }
                string(value, new String(chars, 0, n, StandardCharsets.US_ASCII));
            }
            else if (typeToken.arrayLength() > 1)
            {
                value.append('[');
                final int size = encoding.primitiveType().size();
                for (int i = 0; i < typeToken.arrayLength(); i++)
                {
                    value.append(i == 0 ? "" : ",");
                    Types.appendAsJsonString(value, buffer, index + i * size, encoding);
                }
                value.append(']');
            }
            else if ("Fixed6".equals(typeToken.name()) || "Fixed6".equals(typeToken.referencedName()))
            {
                value.append(BigDecimal.valueOf(Types.getLong(buffer, index, encoding), 6).stripTrailingZeros()
                    .toPlainString());
            }
            else if (kind == Kind.DOUBLE)
            {
                final double v = encoding.primitiveType() == PrimitiveType.DOUBLE ?
                    buffer.getDouble(index, encoding.byteOrder()) : buffer.getFloat(index, encoding.byteOrder());
                value.append(Double.isFinite(v) ? Double.toString(v) : "null"); // NaN (no value yet) as null
            }
            else
            {
                Types.appendAsJsonString(value, buffer, index, encoding);
            }
            add(name(fieldToken, typeToken), value.toString(), kind);
        }

        private static Kind kind(final Token typeToken, final Encoding encoding)
        {
            final String type = typeToken.referencedName() != null ? typeToken.referencedName() : typeToken.name();
            if (typeToken.arrayLength() > 1)
            {
                return encoding.primitiveType() == PrimitiveType.CHAR ? Kind.TEXT : Kind.JSON;
            }
            if ("Fixed6".equals(type) || "Fixed6".equals(typeToken.name()))
            {
                return Kind.DECIMAL6;
            }
            if ("EpochNanos".equals(type) || "EpochNanos".equals(typeToken.name()))
            {
                return Kind.TIMESTAMP_NS;
            }
            return switch (encoding.primitiveType())
            {
                case INT8, INT16, INT32, UINT8, UINT16 -> Kind.INTEGER;
                case INT64, UINT32, UINT64 -> Kind.BIGINT;
                case FLOAT, DOUBLE -> Kind.DOUBLE;
                default -> Kind.TEXT;
            };
        }

        @Override
        public void onEnum(final Token fieldToken, final DirectBuffer buffer, final int bufferIndex,
            final List<Token> tokens, final int fromIndex, final int toIndex, final int actingVersion)
        {
            final Token type = tokens.get(fromIndex);
            final long raw = Types.getLong(buffer, bufferIndex, type.encoding());
            String name = null;
            for (int i = fromIndex + 1; i < toIndex; i++)
            {
                if (tokens.get(i).encoding().constValue().longValue() == raw)
                {
                    name = tokens.get(i).name();
                }
            }
            final StringBuilder value = new StringBuilder();
            if (fieldToken.version() > actingVersion)
            {
                value.append("null");
            }
            else if (name == null)
            {
                value.append(raw); // a value this schema does not name (a null value)
            }
            else
            {
                string(value, name);
            }
            add(fieldToken.name(), value.toString(), Kind.TEXT);
        }

        @Override
        public void onBitSet(final Token fieldToken, final DirectBuffer buffer, final int bufferIndex,
            final List<Token> tokens, final int fromIndex, final int toIndex, final int actingVersion)
        {
            final long bits = Types.getLong(buffer, bufferIndex, tokens.get(fromIndex).encoding());
            final StringBuilder value = new StringBuilder("[");
            for (int i = fromIndex + 1; i < toIndex; i++)
            {
                if ((bits & (1L << tokens.get(i).encoding().constValue().longValue())) != 0)
                {
                    value.append(value.length() == 1 ? "" : ",");
                    string(value, tokens.get(i).name());
                }
            }
            add(fieldToken.name(), value.append(']').toString(), Kind.JSON);
        }

        @Override
        public void onBeginComposite(final Token fieldToken, final List<Token> tokens, final int fromIndex,
            final int toIndex)
        {
            if (depth++ == 0)
            {
                nested = new StringBuilder("{");
                names.add(fieldToken.name());
                values.add(null); // filled at the end
                kinds.add(Kind.JSON);
            }
        }

        @Override
        public void onEndComposite(final Token fieldToken, final List<Token> tokens, final int fromIndex,
            final int toIndex)
        {
            if (--depth == 0)
            {
                values.set(values.size() - 1, nested.append('}').toString());
                nested = null;
            }
        }

        @Override
        public void onVarData(final Token fieldToken, final DirectBuffer buffer, final int bufferIndex,
            final int length, final Token typeToken)
        {
            if (bufferIndex + length > this.length || length < 0)
            {
                overrun = true;
                return;
            }
            final byte[] bytes = new byte[length];
            buffer.getBytes(bufferIndex, bytes);
            final StringBuilder value = new StringBuilder();
            string(value, new String(bytes, StandardCharsets.UTF_8)); // frames and tickers are text
            add(fieldToken.name(), value.toString(), Kind.TEXT);
        }

        private void add(final String name, final String json, final Kind kind)
        {
            if (nested != null)
            {
                nested.append(nested.length() == 1 ? "\"" : ",\"").append(name).append("\":").append(json);
                return;
            }
            names.add(name);
            values.add(json);
            kinds.add(kind);
        }

        private static String name(final Token fieldToken, final Token typeToken)
        {
            return fieldToken.signal() == uk.co.real_logic.sbe.ir.Signal.BEGIN_FIELD ? fieldToken.name() :
                typeToken.name();
        }

        private static void string(final StringBuilder out, final String text)
        {
            out.append('"');
            Types.jsonEscape(text, out);
            out.append('"');
        }

        @Override
        public String toString()
        {
            return message + " over " + buffer.capacity();
        }
    }
}
