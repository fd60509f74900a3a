/**
 * Pretrained ImageNet weights read from TensorFlow Lite flatbuffers at run time (never bundled):
 * {@link org.cxrstudio.core.pretrained.TfliteFile} is a small, bounds-checked reader of the few
 * TFLite tables a convolutional network needs; {@link org.cxrstudio.core.pretrained.MobileNetV2Weights}
 * turns the quantised MobileNetV2 1.0/224 classifier into float convolutions in network order.
 * Headless, JDK plus the FlatBuffers runtime only.
 */
package org.cxrstudio.core.pretrained;
