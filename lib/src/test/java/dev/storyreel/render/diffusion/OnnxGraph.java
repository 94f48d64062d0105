package dev.storyreel.render.diffusion;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small ONNX graph builder over the protobuf classes (opset 17): typed inputs and outputs with
 * symbolic or fixed dimensions, float initialisers (inline or in an external-data file), nodes.
 */
final class OnnxGraph {
    static final int FLOAT = OnnxMl.TensorProto.DataType.FLOAT_VALUE;
    static final int INT32 = OnnxMl.TensorProto.DataType.INT32_VALUE;
    static final int INT64 = OnnxMl.TensorProto.DataType.INT64_VALUE;

    private final OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder();
    private final ByteArrayOutputStream external = new ByteArrayOutputStream();
    private final String externalName;

    /** A graph; float initialisers go to {@code externalName} beside the model when it is not null. */
    OnnxGraph(String name, String externalName) {
        graph.setName(name);
        this.externalName = externalName;
    }

    /** A graph input; each dimension is a Long (fixed) or a String (symbolic); no dimensions: a scalar. */
    OnnxGraph input(String name, int elemType, Object... dims) {
        graph.addInput(valueInfo(name, elemType, dims));
        return this;
    }

    OnnxGraph output(String name, int elemType, Object... dims) {
        graph.addOutput(valueInfo(name, elemType, dims));
        return this;
    }

    /** A float initialiser of the given shape. */
    OnnxGraph floats(String name, float[] values, long... dims) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(values);
        OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder().setName(name).setDataType(FLOAT);
        for (long d : dims) {
            t.addDims(d);
        }
        if (externalName != null && values.length >= 64) {
            long offset = external.size();
            external.write(buf.array(), 0, buf.capacity());
            t.setDataLocation(OnnxMl.TensorProto.DataLocation.EXTERNAL);
            t.addExternalData(entry("location", externalName));
            t.addExternalData(entry("offset", Long.toString(offset)));
            t.addExternalData(entry("length", Long.toString(buf.capacity())));
        } else {
            t.setRawData(ByteString.copyFrom(buf.array()));
        }
        graph.addInitializer(t);
        return this;
    }

    /** An int64 initialiser (shapes, axes). */
    OnnxGraph longs(String name, long... values) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        buf.asLongBuffer().put(values);
        graph.addInitializer(OnnxMl.TensorProto.newBuilder().setName(name).setDataType(INT64).addDims(values.length)
                .setRawData(ByteString.copyFrom(buf.array())));
        return this;
    }

    /** A node; attributes come as name, value pairs (Long, Float, String, long[] or float[]). */
    OnnxGraph node(String op, List<String> inputs, List<String> outputs, Object... attributes) {
        OnnxMl.NodeProto.Builder n = OnnxMl.NodeProto.newBuilder().setOpType(op)
                .setName(outputs.get(0) + "_" + op).addAllInput(inputs).addAllOutput(outputs);
        for (int i = 0; i < attributes.length; i += 2) {
            OnnxMl.AttributeProto.Builder a = OnnxMl.AttributeProto.newBuilder().setName((String) attributes[i]);
            Object v = attributes[i + 1];
            if (v instanceof Long l) {
                a.setType(OnnxMl.AttributeProto.AttributeType.INT).setI(l);
            } else if (v instanceof Float f) {
                a.setType(OnnxMl.AttributeProto.AttributeType.FLOAT).setF(f);
            } else if (v instanceof String s) {
                a.setType(OnnxMl.AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8(s));
            } else if (v instanceof long[] ls) {
                a.setType(OnnxMl.AttributeProto.AttributeType.INTS);
                for (long l : ls) {
                    a.addInts(l);
                }
            } else {
                throw new IllegalArgumentException("unsupported attribute " + v);
            }
            n.addAttribute(a);
        }
        graph.addNode(n);
        return this;
    }

    /** Writes {@code model.onnx} (and the external-data file beside it when one was asked for). */
    void write(Path modelFile) throws IOException {
        OnnxMl.ModelProto model = OnnxMl.ModelProto.newBuilder()
                .setIrVersion(8)
                .setProducerName("storyreel TinyModelWriter")
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(17))
                .setGraph(graph)
                .build();
        Files.createDirectories(modelFile.getParent());
        try (OutputStream out = Files.newOutputStream(modelFile)) {
            model.writeTo(out);
        }
        if (externalName != null) {
            Files.write(modelFile.resolveSibling(externalName), external.toByteArray());
        }
    }

    private static OnnxMl.StringStringEntryProto entry(String key, String value) {
        return OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    private static OnnxMl.ValueInfoProto valueInfo(String name, int elemType, Object... dims) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
        for (Object d : dims) {
            OnnxMl.TensorShapeProto.Dimension.Builder dim = OnnxMl.TensorShapeProto.Dimension.newBuilder();
            if (d instanceof String s) {
                dim.setDimParam(s);
            } else {
                dim.setDimValue(((Number) d).longValue());
            }
            shape.addDim(dim);
        }
        return OnnxMl.ValueInfoProto.newBuilder().setName(name)
                .setType(OnnxMl.TypeProto.newBuilder().setTensorType(
                        OnnxMl.TypeProto.Tensor.newBuilder().setElemType(elemType).setShape(shape)))
                .build();
    }
}
