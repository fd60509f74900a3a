/**
 * Training losses on DJL {@code NDArray}s (supervised BCE, knowledge distillation with a
 * temperature, CAM transfer) and the AALS pseudo-label function for unlabelled images.
 */
package org.cxrstudio.core.training.loss;
