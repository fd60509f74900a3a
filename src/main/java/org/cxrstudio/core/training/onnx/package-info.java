/**
 * ONNX export written from Java (protobuf classes generated from {@code src/main/proto/onnx.proto},
 * a subset of the official schema): {@link org.cxrstudio.core.training.onnx.OnnxExporter} for
 * single networks, atomic writing with embedded model card and sidecar in
 * {@link org.cxrstudio.core.training.onnx.OnnxFiles}.
 */
package org.cxrstudio.core.training.onnx;
