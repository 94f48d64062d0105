package dev.storyreel.jobs.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes one frames file of one film (the film is the partition folder, not a column) to a local
 * path with parquet-java, in the table's layout: ~64 MB row groups of ~4 MB pages, no dictionary,
 * no second compression of codec-compressed pixels. Spark and DuckDB read it like any table file.
 */
public final class FrameFileWriter implements AutoCloseable {
    /** The frames table's columns in a file (film_id comes from the {@code film_id=} folder). */
    public static final MessageType FILE_SCHEMA = MessageTypeParser.parseMessageType("""
            message spark_schema {
              required binary variant (STRING);
              required int32 scene;
              required int32 shot;
              required int32 frame;
              required int32 film_frame;
              required binary shot_key (STRING);
              required int32 width;
              required int32 height;
              required binary codec (STRING);
              required binary data;
              required binary device (STRING);
            }""");

    private final ParquetWriter<Group> writer;
    private final SimpleGroupFactory groups = new SimpleGroupFactory(FILE_SCHEMA);
    private long rows;
    private long dataBytes;

    public FrameFileWriter(Path file) {
        try {
            writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                    .withType(FILE_SCHEMA)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                    .withDictionaryEncoding(false)
                    .withPageSize(4 << 20)
                    .withRowGroupSize(64L << 20)
                    .withMinRowCountForPageSizeCheck(2)
                    .withMaxRowCountForPageSizeCheck(10)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write frames file " + file, e);
        }
    }

    /** Appends one frame row. */
    public void write(FrameRow r) {
        Group g = groups.newGroup()
                .append("variant", r.variant())
                .append("scene", r.scene())
                .append("shot", r.shot())
                .append("frame", r.frame())
                .append("film_frame", r.filmFrame())
                .append("shot_key", r.shotKey())
                .append("width", r.width())
                .append("height", r.height())
                .append("codec", r.codec())
                .append("data", org.apache.parquet.io.api.Binary.fromConstantByteArray(r.data()))
                .append("device", r.device());
        try {
            writer.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
        dataBytes += r.data().length;
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    /** Bytes of frame data written so far (the file is a little larger). */
    public long dataBytes() {
        return dataBytes;
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
