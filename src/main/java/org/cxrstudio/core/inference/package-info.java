/**
 * Model cards, ONNX model loading through DJL's ONNX Runtime engine, preprocessing from the card, and device choice (CUDA when usable, otherwise CPU, with the reason kept). DJL types stay inside this package.
 */
package org.cxrstudio.core.inference;
