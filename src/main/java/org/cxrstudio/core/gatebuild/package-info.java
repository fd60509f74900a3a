/**
 * Builds {@code models/gate.onnx} for {@link org.cxrstudio.core.gate.InputGate}: splits the shared
 * chest films deterministically into bank, validation and test, computes pretrained MobileNetV2
 * features through ONNX Runtime, stores the bank inside the gate graph (MatMul + TopK), sets the
 * distance limit on validation films only, and measures the rates written to the gate card. A
 * slice of its own so that nothing the gate needs at run time depends on training code.
 */
package org.cxrstudio.core.gatebuild;
