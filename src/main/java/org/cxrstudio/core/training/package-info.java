/**
 * Teacher and student networks with LSE-LBA saliency heads, data pipeline, losses (supervised, knowledge distillation, CAM transfer, AALS pseudo-labels), the epoch loop with checkpoints and resume, and ONNX export written from Java. DJL types stay inside this package.
 */
package org.cxrstudio.core.training;
