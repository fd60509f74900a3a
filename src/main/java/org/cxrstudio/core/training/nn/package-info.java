/**
 * Network architectures (DJL blocks, PyTorch engine for training): the student CNN family and
 * torchvision-shaped ResNet teachers, all ending in a 1×1 score-map head pooled with LSE-LBA.
 * Entry points: {@link org.cxrstudio.core.training.nn.Architectures},
 * {@link org.cxrstudio.core.training.nn.ArchSpec}.
 */
package org.cxrstudio.core.training.nn;
